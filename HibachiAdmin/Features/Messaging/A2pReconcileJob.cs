using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using Hangfire;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.RingCentral;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// Reconciles High Volume statuses missed as events: every ten minutes, for each unsettled batch, reads its message list
/// (<c>GET /a2p-sms/messages?batchId=…</c>, pages of 1,000, the status budget) and applies what moved (never backwards),
/// one page per transaction. A batch is settled once every text is final or it is older than <see cref="SettleAfter"/>.
/// </summary>
public sealed class A2pReconcileJob(
    IDbContextFactory<AppDbContext> dbFactory,
    SmsService sms,
    ISmsProvider provider,
    IServiceProvider services,
    TimeProvider time,
    ILogger<A2pReconcileJob> logger)
{
    public const string Id = "a2p-reconcile";

    /// <summary>Carriers report within hours; a batch older than this is not read again.</summary>
    public static readonly TimeSpan SettleAfter = TimeSpan.FromDays(2);

    [DisableConcurrentExecution(timeoutInSeconds: 0)]
    [AutomaticRetry(Attempts = 0), Queue(Infrastructure.Jobs.ProviderQueues.StatusQueue)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (provider is not RingCentralSmsProvider)
        {
            return 0;
        }
        var client = services.GetRequiredService<RingCentralClient>();
        List<A2pBatch> open;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            open = await db.Set<A2pBatch>().AsNoTracking().Where(b => b.SettledAt == null).OrderBy(b => b.CreatedAt).Take(50).ToListAsync(ct);
        }
        var moved = 0;
        foreach (var batch in open)
        {
            try
            {
                moved += await ReconcileAsync(client, batch, ct);
            }
            catch (Exception ex) when (ex is RingCentralException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not read High Volume batch {BatchId}; next run", batch.Id);
            }
        }
        return moved;
    }

    private async Task<int> ReconcileAsync(RingCentralClient client, A2pBatch batch, CancellationToken ct)
    {
        var moved = 0;
        var final = true;
        string? page = null;
        do
        {
            var list = await client.ListA2pMessagesAsync(batch.Id, page, ct);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            moved += await sms.ApplyA2pStatesAsync(db, list.Records, ct);
            await db.SaveChangesAsync(ct);
            final &= list.Records.All(r => r.MessageStatus is "Delivered" or "DeliveryFailed" or "SendingFailed");
            page = list.NextPageToken;
        }
        while (page is not null);
        var now = time.GetUtcNow().UtcDateTime;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var settled = final || batch.CreatedAt < now - SettleAfter ? now : (DateTime?)null;
            await db.Set<A2pBatch>().Where(b => b.Id == batch.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(b => b.LastReconciledAt, now).SetProperty(b => b.SettledAt, settled), ct);
        }
        return moved;
    }
}
