using System.Text.Json;
using Hangfire;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// Processes one stored notification by id. Safe to run twice: a processed row is skipped, and the
/// handlers are idempotent on the provider's message id.
/// </summary>
public sealed class ProcessInboundEventJob(IDbContextFactory<AppDbContext> dbFactory, InboundEventWriter writer, InboundSmsHandler sms, Features.Calls.CallService calls, OutboundStatusSync statusSync, TimeProvider time, ILogger<ProcessInboundEventJob> logger)
{
    public const int MaxAttempts = 10;

    /// <summary>Most ids one job carries: big enough to keep job overhead small in a burst, small enough to spread over workers.</summary>
    public const int MaxIdsPerJob = 100;

    /// <summary>Queues the given events for processing, in order, a job per <see cref="MaxIdsPerJob"/> ids.</summary>
    public static void EnqueueBatches(IBackgroundJobClient jobs, IReadOnlyList<Guid> ids)
    {
        foreach (var chunk in ids.Chunk(MaxIdsPerJob))
        {
            if (chunk.Length == 1)
            {
                var id = chunk[0];
                jobs.Enqueue<ProcessInboundEventJob>(j => j.RunAsync(id, CancellationToken.None));
            }
            else
            {
                jobs.Enqueue<ProcessInboundEventJob>(j => j.RunBatchAsync(chunk, CancellationToken.None));
            }
        }
    }

    /// <summary>Processes several events in the order received; one failing does not stop the rest.</summary>
    [AutomaticRetry(Attempts = 0), Queue(Infrastructure.Jobs.JobsSetup.InboundQueue)]
    public async Task RunBatchAsync(Guid[] ids, CancellationToken ct)
    {
        foreach (var id in ids)
        {
            await RunAsync(id, ct);
        }
    }

    [AutomaticRetry(Attempts = 0), Queue(Infrastructure.Jobs.JobsSetup.InboundQueue)]
    public async Task RunAsync(Guid id, CancellationToken ct)
    {
        // During a webhook burst the writer goes first; bounded, so a steady stream cannot starve processing.
        await writer.WaitForLullAsync(TimeSpan.FromSeconds(2), ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        // Claim with a lease in one statement: a concurrent run (job + sweep) finds nothing to do.
        var claimed = await db.Set<InboundEvent>()
            .Where(e => e.Id == id && e.ProcessedAt == null && e.Attempts < MaxAttempts && (e.LockedUntil == null || e.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LockedUntil, now.AddMinutes(2)).SetProperty(e => e.Attempts, e => e.Attempts + 1), ct);
        if (claimed == 0)
        {
            return;
        }
        var row = await db.Set<InboundEvent>().FirstAsync(e => e.Id == id, ct);
        try
        {
            using var doc = JsonDocument.Parse(row.Payload);
            row.Outcome = await DispatchAsync(row, doc.RootElement, ct);
            row.ProcessedAt = time.GetUtcNow().UtcDateTime;
            row.LastError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Left unprocessed: the sweep retries it; after MaxAttempts it stays visible with its error.
            row.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
            logger.LogWarning(ex, "Inbound event {Id} failed (attempt {Attempt})", id, row.Attempts);
        }
        row.LockedUntil = null;
        await db.SaveChangesAsync(ct);
    }

    private async Task<string> DispatchAsync(InboundEvent row, JsonElement root, CancellationToken ct)
    {
        var filter = root.TryGetProperty("event", out var e) ? e.GetString() ?? "" : "";
        if (!root.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
        {
            return "ignored: no body";
        }
        if (filter.Contains("/message-store/instant", StringComparison.Ordinal)
            || (body.TryGetProperty("type", out var type) && type.GetString() == "SMS" && body.TryGetProperty("direction", out var dir) && dir.GetString() == "Inbound"))
        {
            return await sms.HandleAsync(body, ct);
        }
        if (filter.Contains("/message-store", StringComparison.Ordinal))
        {
            // The event only says that something changed: re-read the messages still in flight.
            return await statusSync.SyncAsync(ct);
        }
        if (filter.Contains("/telephony/sessions", StringComparison.Ordinal))
        {
            return await calls.ApplyTelephonyEventAsync(body, ct);
        }
        return $"ignored: unknown event filter '{filter}'";
    }
}

/// <summary>Re-enqueues notifications that were stored but never processed (e.g. in-memory Hangfire restarted).</summary>
public sealed class InboundEventSweepJob(IDbContextFactory<AppDbContext> dbFactory, IBackgroundJobClient jobs, TimeProvider time)
{
    public const string Id = "inbound-event-sweep";

    public async Task RunAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stale = time.GetUtcNow().UtcDateTime.AddSeconds(-30);
        var ids = await db.Set<InboundEvent>().AsNoTracking()
            .Where(e => e.ProcessedAt == null && e.Attempts < ProcessInboundEventJob.MaxAttempts && e.ReceivedAt < stale)
            .OrderBy(e => e.ReceivedAt).Select(e => e.Id).Take(500).ToListAsync(ct);
        ProcessInboundEventJob.EnqueueBatches(jobs, ids);
    }
}
