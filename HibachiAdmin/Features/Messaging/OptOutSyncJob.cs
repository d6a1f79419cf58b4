using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using Hangfire;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.RingCentral;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// Keeps RingCentral's opt-out list for the campaign number and our consent ledger from disagreeing:
/// <list type="bullet">
/// <item><see cref="PushAsync"/> (every minute): opt-outs recorded in this app (a STOP on the conversation number, staff,
/// an import) are added to RingCentral's list, in ledger order from a stored cursor (a retry pushes again: harmless);</item>
/// <item><see cref="ReconcileAsync"/> (nightly): RingCentral's list is read and every opt-out on it that we lack is applied
/// with its own source. Opt-ins on it are never applied: consent comes only from the person.</item>
/// </list>
/// </summary>
public sealed class OptOutSyncJob(
    IDbContextFactory<AppDbContext> dbFactory,
    IContactService contacts,
    ISmsProvider provider,
    IServiceProvider services,
    TimeProvider time,
    ILogger<OptOutSyncJob> logger)
{
    public const string PushId = "ringcentral-optout-push";
    public const string ReconcileId = "ringcentral-optout-reconcile";
    public const string PushKey = "ringcentral:optout-push";

    [DisableConcurrentExecution(timeoutInSeconds: 0)]
    [AutomaticRetry(Attempts = 0), Queue(Infrastructure.Jobs.ProviderQueues.StatusQueue)]
    public async Task<int> PushAsync(CancellationToken ct)
    {
        if (provider is not RingCentralSmsProvider)
        {
            return 0;
        }
        var client = services.GetRequiredService<RingCentralClient>();
        var pushed = 0;
        while (!ct.IsCancellationRequested)
        {
            long cursor;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var state = await db.Set<ProviderSyncState>().FindAsync([PushKey], ct);
                if (state is null)
                {
                    // Start from now: the first run does not push the whole history (the nightly reconcile compares lists).
                    var last = await contacts.LastLedgerIdAsync(ct);
                    db.Add(new ProviderSyncState { Key = PushKey, SyncToken = last.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                    await db.SaveChangesAsync(ct);
                    return 0;
                }
                cursor = long.Parse(state.SyncToken ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            }
            var rows = await contacts.OptOutsToPushAsync(cursor, 500, ct);
            if (rows.Count == 0)
            {
                break;
            }
            try
            {
                await client.AddOptOutsAsync([.. rows.Select(r => r.Phone).Distinct(StringComparer.Ordinal)], ct);
            }
            catch (Exception ex) when (ex is RingCentralException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not push {Count} opt-outs to RingCentral; next run", rows.Count);
                break;
            }
            var next = rows[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                await db.Set<ProviderSyncState>().Where(s => s.Key == PushKey)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.SyncToken, next).SetProperty(s => s.LastSyncAt, time.GetUtcNow().UtcDateTime), ct);
            }
            pushed += rows.Count;
        }
        return pushed;
    }

    [DisableConcurrentExecution(timeoutInSeconds: 0)]
    [AutomaticRetry(Attempts = 0), Queue(Infrastructure.Jobs.ProviderQueues.StatusQueue)]
    public async Task<int> ReconcileAsync(CancellationToken ct)
    {
        if (provider is not RingCentralSmsProvider)
        {
            return 0;
        }
        var client = services.GetRequiredService<RingCentralClient>();
        var applied = 0;
        string? page = null;
        do
        {
            var list = await client.ListOptOutsAsync(page, ct);
            var now = time.GetUtcNow().UtcDateTime;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            foreach (var record in list.Records.Where(r => r.OptedOut))
            {
                var outcome = await contacts.ApplyProviderOptOutAsync(new CrossFeatureTransaction(db), record.To, true, now,
                    $"RingCentral opt-out list for {record.From} (source {record.Source ?? "unknown"}), read at {now:O}", ct);
                applied += outcome == ProviderOptOutOutcome.Applied ? 1 : 0;
            }
            await db.SaveChangesAsync(ct);
            page = list.NextPageToken;
        }
        while (page is not null);
        return applied;
    }
}
