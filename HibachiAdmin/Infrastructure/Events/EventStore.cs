using System.Text.Json;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Infrastructure.Events;

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
