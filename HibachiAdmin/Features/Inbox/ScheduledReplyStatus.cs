namespace HibachiAdmin.Features.Inbox;

public enum ScheduledReplyStatus
{
    /// <summary>Waiting for its time (which the texting rules may have moved later).</summary>
    Scheduled,
    /// <summary>Claimed by the job; the provider is being called.</summary>
    Sending,
    Sent,
    /// <summary>Refused when its time came (consent, a closed Meta window, the provider): <see cref="ScheduledReply.Outcome"/> says why.</summary>
    Failed,
    Cancelled,
}
