using System.Text.Json;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

/// <summary>Which handler has already handled which event: makes every handler idempotent.</summary>
public sealed class ProcessedMessage
{
    public string Handler { get; set; } = "";
    public Guid EventId { get; set; }
    public DateTime At { get; set; }
}

internal sealed class StoredEventConfiguration : IEntityTypeConfiguration<StoredEvent>
{
    public void Configure(EntityTypeBuilder<StoredEvent> b)
    {
        b.ToTable("Events");
        b.HasIndex(e => new { e.StreamId, e.Version }).IsUnique();
        b.HasIndex(e => e.EventId).IsUnique();
        b.Property(e => e.StreamType).HasMaxLength(50);
        b.Property(e => e.EventType).HasMaxLength(100);
        b.Property(e => e.UserName).HasMaxLength(256);
    }
}

internal sealed class OutboxEntryConfiguration : IEntityTypeConfiguration<OutboxEntry>
{
    public void Configure(EntityTypeBuilder<OutboxEntry> b)
    {
        b.ToTable("Outbox");
        b.HasIndex(o => o.EventId).IsUnique();
        b.HasIndex(o => new { o.DispatchedAt, o.DeadLettered, o.NextAttemptAt });
        b.Property(o => o.EventType).HasMaxLength(100);
        b.Property(o => o.LockedBy).HasMaxLength(LeaseClaims.MaxOwnerLength);
        b.Property(o => o.LastError).HasMaxLength(OutboxDispatcher.MaxErrorLength);
    }
}

internal sealed class ProcessedMessageConfiguration : IEntityTypeConfiguration<ProcessedMessage>
{
    public void Configure(EntityTypeBuilder<ProcessedMessage> b)
    {
        b.ToTable("ProcessedMessages");
        b.HasKey(p => new { p.Handler, p.EventId });
        b.Property(p => p.Handler).HasMaxLength(150);
    }
}

public sealed record EventMetadata(string? UserName, Guid CorrelationId, Guid? CausationId = null);

/// <summary>A stale expected version: someone else appended to the stream first.</summary>
public sealed class ConcurrencyConflictException(Guid streamId, int expectedVersion)
    : Exception($"Stream {streamId} is no longer at version {expectedVersion}; reload and retry.")
{
    public Guid StreamId { get; } = streamId;
}

/// <summary>
/// Appends events and their outbox copies in one transaction (the caller's context, so a feature can
/// also update its read models atomically). A stale expected version fails and writes nothing.
/// </summary>
public sealed class EventStore(TimeProvider time)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>The events as they will be stored: projections take every value (version, time) from these, so a replay reproduces them exactly.</returns>
    public IReadOnlyList<StoredEvent> Append(AppDbContext db, Guid streamId, string streamType, int expectedVersion, IEnumerable<(string Type, object Data)> events, EventMetadata metadata)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var version = expectedVersion;
        var appended = new List<StoredEvent>();
        foreach (var (type, data) in events)
        {
            var eventId = Guid.CreateVersion7();
            var json = JsonSerializer.Serialize(data, data.GetType(), Json);
            version++;
            var stored = new StoredEvent
            {
                EventId = eventId, StreamId = streamId, StreamType = streamType, Version = version, EventType = type, Data = json,
                UserName = metadata.UserName, CorrelationId = metadata.CorrelationId, CausationId = metadata.CausationId, At = now,
            };
            db.Add(stored);
            db.Add(new OutboxEntry { EventId = eventId, EventType = type, StreamId = streamId, Data = json, CreatedAt = now });
            appended.Add(stored);
        }
        return appended;
    }

    /// <summary>
    /// Queues an integration event (no event-sourced stream behind it) for the outbox handlers, in
    /// the caller's unit of work: it is delivered if and only if the caller's SaveChanges commits.
    /// </summary>
    public void Publish(AppDbContext db, string type, Guid streamId, object data)
    {
        var json = JsonSerializer.Serialize(data, data.GetType(), Json);
        db.Add(new OutboxEntry { EventId = Guid.CreateVersion7(), EventType = type, StreamId = streamId, Data = json, CreatedAt = time.GetUtcNow().UtcDateTime });
    }

    /// <summary>Saves, turning a duplicate (StreamId, Version) into <see cref="ConcurrencyConflictException"/>.</summary>
    public static async Task SaveAsync(AppDbContext db, Guid streamId, int expectedVersion, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.Entries.Any(e => e.Entity is StoredEvent))
        {
            throw new ConcurrencyConflictException(streamId, expectedVersion);
        }
    }

    public static async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(AppDbContext db, Guid streamId, CancellationToken ct) =>
        await db.Set<StoredEvent>().AsNoTracking().Where(e => e.StreamId == streamId).OrderBy(e => e.Version).ToListAsync(ct);
}
