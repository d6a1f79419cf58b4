using HibachiAdmin.Features.Contacts.Contracts;
using System.Text.Json;
using Hangfire;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// Processes stored provider notifications. Exactly once in effect:
/// <list type="bullet">
/// <item>rows are claimed with a short lease in one statement (oldest first), so two workers or app
/// instances never process one row at once, and a claim left by a dead process expires in
/// <see cref="Lease"/>;</item>
/// <item>a claimed batch is applied in one unit of work: every row's state changes (message, consent
/// and its evidence, call log, outbox events for what leaves the process) and its processed mark
/// commit together or not at all, so a retry after any failure or a kill starts from a clean slate;</item>
/// <item>if the batch fails, each row is retried alone so one bad notification does not hold back the rest.</item>
/// </list>
/// </summary>
public sealed class ProcessInboundEventJob(
    IDbContextFactory<AppDbContext> dbFactory,
    InboundEventWriter writer,
    InboundSmsHandler sms,
    MetaInboundHandler meta,
    ITelephonyEvents calls,
    OutboundStatusSync statusSync,
    A2pEventHandler a2p,
    IEnumerable<IProviderEventHandler> providers,
    OutboxSignal outbox,
    AppInstanceIdentity instance,
    TimeProvider time,
    ILogger<ProcessInboundEventJob> logger)
{
    public const int MaxAttempts = 10;

    /// <summary>Most ids one job carries: big enough to keep job overhead small in a burst, small enough to spread over workers.</summary>
    public const int MaxIdsPerJob = 100;

    /// <summary>Rows one drain step claims and commits together.</summary>
    public const int DrainBatch = 200;

    /// <summary>How long a claim holds. A batch takes well under a second; a dead worker's claim is free again after this.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

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

    /// <summary>
    /// Processes up to <see cref="DrainBatch"/> waiting events, oldest first, in one unit of work: the oldest unclaimed
    /// rows (these ids, unless a drain or another worker took them first — then older ones, which keeps the texts'
    /// order). The claim does not shrink to the ids the job carries: their number is however many notifications one
    /// commit of the webhook writer held, which depends on timing (a few when commits are quick, hundreds when they are
    /// slow), and a backlog drained by jobs of a few ids each moved at the job rate (150–210 events/s), not the batch
    /// rate (1,500/s and more) — the "coin toss" of issue 23. Jobs that find their rows already taken end at once.
    /// </summary>
    [AutomaticRetry(Attempts = 0), Queue(Infrastructure.Jobs.JobsSetup.InboundQueue)]
    public async Task RunBatchAsync(Guid[] ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        // During a webhook burst the writer goes first; bounded, so a steady stream cannot starve processing.
        await writer.WaitForLullAsync(TimeSpan.FromSeconds(2), ct);
        if (await ClaimAsync(Math.Max(ids.Length, DrainBatch), ct) is { } worker)
        {
            await ProcessClaimedAsync(worker, ct);
        }
    }

    [AutomaticRetry(Attempts = 0), Queue(Infrastructure.Jobs.JobsSetup.InboundQueue)]
    public Task RunAsync(Guid id, CancellationToken ct) => RunBatchAsync([id], ct);

    /// <summary>
    /// Processes everything stored and not yet processed, oldest first, batch after batch until none is
    /// left (on start, from the sweep, after a crash). Returns how many rows were processed.
    /// </summary>
    [AutomaticRetry(Attempts = 0), Queue(Infrastructure.Jobs.JobsSetup.InboundQueue)]
    public async Task<int> DrainAsync(CancellationToken ct)
    {
        var total = 0;
        while (!ct.IsCancellationRequested)
        {
            await writer.WaitForLullAsync(TimeSpan.FromSeconds(2), ct);
            if (await ClaimAsync(DrainBatch, ct) is not { } worker)
            {
                break;
            }
            total += await ProcessClaimedAsync(worker, ct);
        }
        return total;
    }

    private static readonly LeaseTable Table = new("InboundEvents", OrderBy: "\"ReceivedAt\", \"Id\"");

    /// <returns>The claim's owner id, or null when nothing was claimed.</returns>
    private async Task<string?> ClaimAsync(int max, CancellationToken ct)
    {
        var worker = instance.NewOwner();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The shared lease claim: SKIP LOCKED on PostgreSQL, so parallel workers and instances never wait on each other.
        var claimed = await LeaseClaims.ClaimBatchAsync<Guid>(db, Table, """ "ProcessedAt" IS NULL AND "Attempts" < {0} """, [MaxAttempts],
            max, time.GetUtcNow().UtcDateTime, Lease, worker, ct, alsoSet: "\"Attempts\" = \"Attempts\" + 1");
        return claimed.Count == 0 ? null : worker;
    }

    private async Task<int> ProcessClaimedAsync(string worker, CancellationToken ct)
    {
        List<Guid> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var rows = await db.Set<InboundEvent>().Where(e => e.LockedBy == worker).OrderBy(e => e.ReceivedAt).ThenBy(e => e.Id).ToListAsync(ct);
            ids = rows.Select(r => r.Id).ToList();
            try
            {
                // Lookups for the whole batch in a few queries; the rows are then applied from memory.
                await PreloadAsync(db, rows, ct);
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                foreach (var row in rows)
                {
                    await ApplyAsync(db, row, ct);
                }
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                SignalOutbox(db);
                return rows.Count;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogDebug(ex, "Batch of {Count} inbound events failed; processing them one by one", rows.Count);
            }
        }
        var done = 0;
        foreach (var id in ids)
        {
            done += await ProcessOneAsync(id, worker, ct) ? 1 : 0;
        }
        return done;
    }

    private async Task<bool> ProcessOneAsync(Guid id, string worker, CancellationToken ct)
    {
        string error;
        int attempts;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var row = await db.Set<InboundEvent>().FirstOrDefaultAsync(e => e.Id == id && e.LockedBy == worker && e.ProcessedAt == null, ct);
            if (row is null)
            {
                return false;
            }
            attempts = row.Attempts;
            await ApplyAsync(db, row, ct);
            await db.SaveChangesAsync(ct);
            SignalOutbox(db);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = ex.InnerException is { } inner ? $"{ex.Message} {inner.Message}" : ex.Message;
            logger.LogWarning(ex, "Inbound event {Id} failed", id);
        }
        // Nothing of the attempt was kept; record why and release the claim so the sweep retries it
        // (after MaxAttempts it stays visible with its error).
        await using var release = await dbFactory.CreateDbContextAsync(ct);
        await release.Set<InboundEvent>().Where(e => e.Id == id && e.LockedBy == worker)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LastError, error.Length > 1000 ? error[..1000] : error)
                .SetProperty(e => e.LockedBy, (string?)null).SetProperty(e => e.LockedUntil, (DateTime?)null), ct);
        return false;
    }

    private async Task PreloadAsync(AppDbContext db, List<InboundEvent> rows, CancellationToken ct)
    {
        var bodies = new List<(InboundEvent, JsonElement)>();
        foreach (var row in rows)
        {
            try
            {
                using var doc = JsonDocument.Parse(row.Payload);
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object)
                {
                    bodies.Add((row, body.Clone()));
                }
            }
            catch (JsonException)
            {
                // Recorded as ignored when the row is applied.
            }
        }
        await sms.PreloadAsync(db, bodies, ct);
    }

    /// <summary>Applies one notification in <paramref name="db"/> and marks it processed there (nothing is saved here).</summary>
    private async Task ApplyAsync(AppDbContext db, InboundEvent row, CancellationToken ct)
    {
        string outcome;
        try
        {
            using var doc = JsonDocument.Parse(row.Payload);
            outcome = await DispatchAsync(db, row, doc.RootElement, ct);
        }
        catch (JsonException ex)
        {
            outcome = $"ignored: payload is not JSON ({ex.Message})";
        }
        row.Outcome = outcome.Length > 200 ? outcome[..200] : outcome;
        row.ProcessedAt = time.GetUtcNow().UtcDateTime;
        row.LastError = null;
        row.LockedBy = null;
        row.LockedUntil = null;
    }

    private void SignalOutbox(AppDbContext db)
    {
        statusSync.Committed(db);
        if (db.ChangeTracker.Entries<OutboxEntry>().Any())
        {
            outbox.Committed();
        }
    }

    private async Task<string> DispatchAsync(AppDbContext db, InboundEvent row, JsonElement root, CancellationToken ct)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "ignored: payload is not a JSON object";
        }
        if (row.Provider == MetaWebhookEndpoints.Provider)
        {
            return await meta.HandleAsync(db, row, root, ct);
        }
        if (providers.FirstOrDefault(p => p.Provider == row.Provider) is { } owner)
        {
            return await owner.HandleAsync(new CrossFeatureTransaction(db), row.ExternalId, root, ct);
        }
        var filter = root.TryGetProperty("event", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : "";
        if (!root.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
        {
            return "ignored: no body";
        }
        if (A2pEventHandler.Handles(filter))
        {
            return await a2p.HandleAsync(db, row, filter, root, body, ct);
        }
        if (filter.Contains("/message-store/instant", StringComparison.Ordinal)
            || (Is(body, "type", "SMS") && Is(body, "direction", "Inbound")))
        {
            return await sms.HandleAsync(db, row, body, ct);
        }
        if (filter.Contains("/message-store", StringComparison.Ordinal))
        {
            // The event only says that something changed: mark it for the status job; the inbound worker never calls a provider.
            return await statusSync.MarkPendingAsync(db, ct);
        }
        if (filter.Contains("/telephony/sessions", StringComparison.Ordinal))
        {
            return await calls.ApplyTelephonyEventAsync(new CrossFeatureTransaction(db), body, ct);
        }
        return $"ignored: unknown event filter '{(filter.Length > 100 ? filter[..100] : filter)}'";
    }

    private static bool Is(JsonElement body, string name, string value) =>
        body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() == value;
}
