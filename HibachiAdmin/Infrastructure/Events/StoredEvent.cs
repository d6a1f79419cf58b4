using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Events;

/// <summary>One immutable domain event in its stream. (StreamId, Version) is unique: optimistic concurrency.</summary>
public sealed class StoredEvent
{
    public long Id { get; set; }
    public Guid EventId { get; set; }
    public Guid StreamId { get; set; }
    public string StreamType { get; set; } = "";
    public int Version { get; set; }
    /// <summary>Versioned name, e.g. "booking.confirmed.v1".</summary>
    public string EventType { get; set; } = "";
    public string Data { get; set; } = "";
    public string? UserName { get; set; }
    public Guid CorrelationId { get; set; }
    public Guid? CausationId { get; set; }
    public DateTime At { get; set; }
}
