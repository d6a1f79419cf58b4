using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Features.Messaging;

public sealed class OutboundStatusChange
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }
    public OutboundStatus Status { get; set; }
    public string? Detail { get; set; }
    public DateTime At { get; set; }
}
