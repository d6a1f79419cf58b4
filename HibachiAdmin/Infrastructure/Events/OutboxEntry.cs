using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Events;

/// <summary>A copy of an event waiting to be delivered to handlers; written in the same transaction as the event.</summary>
public sealed class OutboxEntry
{
    public long Id { get; set; }
    public Guid EventId { get; set; }
    public string EventType { get; set; } = "";
    public Guid StreamId { get; set; }
    public string Data { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? DispatchedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public string? LockedBy { get; set; }
    public DateTime? LockedUntil { get; set; }
    public string? LastError { get; set; }
    public bool DeadLettered { get; set; }
}
