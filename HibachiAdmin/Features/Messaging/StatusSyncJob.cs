using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using Hangfire;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.RingCentral;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// Reads delivery-status changes of person-to-person texts with RingCentral Message Sync, apart from the
/// inbound worker (its own Hangfire queue and its own rate budget, <see cref="RingCentralRateBudgets"/>):
/// one incremental request (ISync with the stored <c>syncToken</c>) returns every change since the last read,
/// however many notifications said "something changed"; a full sync (FSync) when no token is stored or
/// RingCentral no longer accepts it. The statuses, the new token and the version read commit together, so a
/// crash repeats the read (statuses never move backwards). One process reads at a time (a lease on the row).
/// Enqueued after an inbound batch marked changes pending (<see cref="StatusSyncSignal"/>) and every minute.
/// </summary>
public sealed class StatusSyncJob(
    IDbContextFactory<AppDbContext> dbFactory,
    SmsService sms,
    ISmsProvider provider,
    IServiceProvider services,
    StatusSyncSignal signal,
    AppInstanceIdentity instance,
    TimeProvider time,
    ILogger<StatusSyncJob> logger)
{
    public const string Id = "provider-status-sync";

    /// <summary>How far back a full sync reads (texts older than this are settled or in-doubt recovery's).</summary>
    public static readonly TimeSpan FullSyncWindow = TimeSpan.FromDays(2);

    /// <summary>A read takes a request or a few; a dead reader's lease is free again after this.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Most requests in one run (a backlog bigger than this continues in the next run).</summary>
    public const int MaxRequestsPerRun = 20;

    [AutomaticRetry(Attempts = 0), Queue(Infrastructure.Jobs.ProviderQueues.StatusQueue)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        signal.Started();
        if (provider.Name != "ringcentral")
        {
            return 0;
        }
        var owner = instance.NewOwner();
        if (!await ClaimAsync(owner, ct))
        {
            return 0;
        }
        var applied = 0;
        try
        {
            var client = services.GetRequiredService<RingCentralClient>();
            for (var request = 0; request < MaxRequestsPerRun; request++)
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                var state = await db.Set<ProviderSyncState>().AsNoTracking().FirstAsync(s => s.Key == OutboundStatusSync.MessageSyncKey, ct);
                if (state.PendingVersion <= state.SyncedVersion && state.LastError != MoreChanges)
                {
                    break;
                }
                var version = state.PendingVersion;
                RingCentralSyncPage page;
                try
                {
                    page = await client.SyncMessagesAsync(state.SyncToken, time.GetUtcNow().UtcDateTime - FullSyncWindow, ct);
                }
                catch (RingCentralException ex) when (state.SyncToken is not null && (int)ex.Status is 400 or 404 or 409)
                {
                    // The token expired or is unknown: start over with a full sync.
                    logger.LogWarning("RingCentral refused the stored sync token ({Code}); reading with a full sync", ex.ErrorCode);
                    page = await client.SyncMessagesAsync(null, time.GetUtcNow().UtcDateTime - FullSyncWindow, ct);
                }
                var reports = page.Records.Where(r => !string.Equals(r.Direction, "Inbound", StringComparison.Ordinal))
                    .Select(r => new ProviderStatus(r.Id, r.MessageStatus, r.ErrorCode)).ToList();
                // The statuses and the cursor commit together. The state row is written by one statement that
                // leaves PendingVersion alone: an inbound batch may bump it meanwhile, and then reads again.
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                applied += (await sms.ApplyProviderStatusesAsync(db, provider.Name, reports, ct)).Count;
                await db.SaveChangesAsync(ct);
                var token = page.SyncToken ?? state.SyncToken;
                var now = time.GetUtcNow().UtcDateTime;
                // A full page may leave changes for another request.
                var next = page.Records.Count >= RingCentralClient.SyncRecordCount ? MoreChanges : null;
                await db.Set<ProviderSyncState>().Where(s => s.Key == OutboundStatusSync.MessageSyncKey)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.SyncToken, token).SetProperty(s => s.SyncedVersion, version)
                        .SetProperty(s => s.LastSyncAt, now).SetProperty(s => s.LastError, next), ct);
                await tx.CommitAsync(ct);
            }
        }
        catch (Exception ex) when (ex is RingCentralException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "RingCentral status read failed; the changes stay pending");
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var message = ex.Message.Length > 450 ? ex.Message[..450] : ex.Message;
            await db.Set<ProviderSyncState>().Where(s => s.Key == OutboundStatusSync.MessageSyncKey)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastError, $"failed: {message}"), CancellationToken.None);
        }
        finally
        {
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await db.Set<ProviderSyncState>().Where(s => s.Key == OutboundStatusSync.MessageSyncKey && s.LockedBy == owner)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LockedBy, (string?)null).SetProperty(s => s.LockedUntil, (DateTime?)null), CancellationToken.None);
        }
        return applied;
    }

    /// <summary>Marks a read that stopped at a full page: the next request continues without a new notification.</summary>
    internal const string MoreChanges = "more changes to read";

    private async Task<bool> ClaimAsync(string owner, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ProviderSyncState>()
            .Where(s => s.Key == OutboundStatusSync.MessageSyncKey && (s.LockedUntil == null || s.LockedUntil < now)
                        && (s.PendingVersion > s.SyncedVersion || s.LastError == MoreChanges))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.LockedBy, owner).SetProperty(s => s.LockedUntil, now + Lease), ct) == 1;
    }
}
