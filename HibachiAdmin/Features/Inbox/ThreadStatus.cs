namespace HibachiAdmin.Features.Inbox;

/// <summary>Open: waiting on us. Pending: waiting on the customer. Snoozed: hidden until a time. A customer reply reopens any of them.</summary>
public enum ThreadStatus
{
    Open,
    Pending,
    Resolved,
    Snoozed,
}
