using HibachiAdmin.Features.Messaging;

namespace HibachiAdmin.Features.Messaging.Contracts;

public enum OutboundStatus
{
    Refused,
    Queued,
    Sent,
    Delivered,
    Failed,
}
