namespace HibachiAdmin.Features.Alerts;

public enum PushOutcome
{
    Sent = 1,
    /// <summary>The push service says the subscription no longer exists (404 or 410): remove it.</summary>
    Gone = 2,
    Failed = 3,
}
