using HibachiAdmin.Features.Inbox;

namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>Delivery of our own messages: only moves forward (Queued → Sent → Delivered → Read), or to Failed.</summary>
public enum MessageStatus
{
    Queued,
    Sent,
    Delivered,
    Read,
    Failed,
}
