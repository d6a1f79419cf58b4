using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Data;

/// <summary>
/// Work held by a dead process resumes within seconds, not when its leases run out:
/// <list type="bullet">
/// <item>SQLite (one instance by design): on start, before any worker runs, every lease of every registered table
/// is given back at once (whatever held it is gone: this is the only instance), then the drains are enqueued;</item>
/// <item>PostgreSQL (several instances): each instance records itself in <c>AppInstances</c> and heartbeats every
/// <see cref="HeartbeatEvery"/>; a live instance deletes the row of one silent for more than <see cref="SilentAfter"/>
/// and, in the same transaction, gives back every lease that instance owned (owners start with its id,
/// <see cref="AppInstanceIdentity"/>), then enqueues the drains. A graceful stop gives its own leases back.</item>
/// </list>
/// Leases owned in an older format (before instance ids) still expire as before.
/// </summary>
public sealed class LeaseRecovery(
    IDbContextFactory<AppDbContext> dbFactory,
    IEnumerable<RecoverableLease> tables,
    AppInstanceIdentity instance,
    IBackgroundJobClient jobs,
    TimeProvider time,
    ILogger<LeaseRecovery> logger)
{
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan SilentAfter = TimeSpan.FromSeconds(30);

    /// <summary>Runs on start after migrations and before the job servers (<see cref="DatabaseInitializer"/>).</summary>
    /// <returns>Leases given back.</returns>
    public async Task<int> OnStartAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (DatabaseProvider.Of(db.Database) == DbProvider.Sqlite)
        {
            var released = 0;
            foreach (var lease in tables)
            {
                var t = lease.Table;
                var clearOwner = t.LockedBy is { } by ? $", {Q(by)} = NULL" : "";
                // Identifiers come from code (LeaseTable), never from input.
                var sql = $"UPDATE {Q(t.Table)} SET {Q(t.LockedUntil)} = NULL{clearOwner} WHERE {Q(t.LockedUntil)} IS NOT NULL";
                released += await db.Database.ExecuteSqlRawAsync(sql, ct);
            }
            if (released > 0)
            {
                logger.LogWarning("Start: gave back {Count} leases held by the previous run; resuming its work now", released);
            }
            Resume();
            return released;
        }
        var now = time.GetUtcNow().UtcDateTime;
        db.Add(new AppInstance { Id = instance.Id, ProcessId = Environment.ProcessId, StartedAt = now, HeartbeatAt = now });
        await db.SaveChangesAsync(ct);
        return await TakeOverSilentAsync(ct);
    }

    /// <summary>One heartbeat (PostgreSQL): records this instance alive, then takes over instances that fell silent.</summary>
    public async Task<int> BeatAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Set<AppInstance>().Where(i => i.Id == instance.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.HeartbeatAt, now), ct) == 0)
            {
                // Taken for dead (a long pause): register again; leases given back meanwhile are claimed anew.
                logger.LogWarning("Instance {Instance} was taken for dead by another instance; registering again", instance.Id);
                db.Add(new AppInstance { Id = instance.Id, ProcessId = Environment.ProcessId, StartedAt = now, HeartbeatAt = now });
                await db.SaveChangesAsync(ct);
            }
        }
        return await TakeOverSilentAsync(ct);
    }

    /// <summary>Gives back the leases of every instance silent for more than <see cref="SilentAfter"/>.</summary>
    public async Task<int> TakeOverSilentAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - SilentAfter;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var silent = await db.Set<AppInstance>().AsNoTracking().Where(i => i.HeartbeatAt < cutoff && i.Id != instance.Id).Select(i => i.Id).ToListAsync(ct);
        var released = 0;
        foreach (var dead in silent)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // The delete decides who takes over: of two live instances only one deletes the row.
            if (await db.Set<AppInstance>().Where(i => i.Id == dead && i.HeartbeatAt < cutoff).ExecuteDeleteAsync(ct) == 0)
            {
                continue;
            }
            var count = await ReleaseOwnedByAsync(db, dead, ct);
            await tx.CommitAsync(ct);
            released += count;
            logger.LogWarning("Instance {Dead} stopped heartbeating; {Instance} gave back its {Count} leases", dead, instance.Id, count);
        }
        if (released > 0)
        {
            Resume();
        }
        return released;
    }

    /// <summary>On a graceful stop (after the job servers stopped): this instance's leases go back at once.</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (DatabaseProvider.Of(db.Database) == DbProvider.Sqlite)
        {
            return;
        }
        await ReleaseOwnedByAsync(db, instance.Id, ct);
        await db.Set<AppInstance>().Where(i => i.Id == instance.Id).ExecuteDeleteAsync(ct);
    }

    private async Task<int> ReleaseOwnedByAsync(AppDbContext db, string instanceId, CancellationToken ct)
    {
        var prefix = AppInstanceIdentity.OwnerPrefix(instanceId);
        var released = 0;
        foreach (var lease in tables)
        {
            var t = lease.Table;
            if (t.LockedBy is not { } by)
            {
                continue;
            }
            // Identifiers come from code (LeaseTable); the prefix is a parameter (substr: no LIKE wildcards in ids).
            var sql = $"UPDATE {Q(t.Table)} SET {Q(t.LockedUntil)} = NULL, {Q(by)} = NULL WHERE substr({Q(by)}, 1, {{0}}) = {{1}}";
            released += await db.Database.ExecuteSqlRawAsync(sql, [prefix.Length, prefix], ct);
        }
        return released;
    }

    private void Resume()
    {
        foreach (var lease in tables)
        {
            try
            {
                lease.Resume?.Invoke(jobs);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not enqueue the drain of {Table}; its recurring job will", lease.Table.Table);
            }
        }
    }

    private static string Q(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
