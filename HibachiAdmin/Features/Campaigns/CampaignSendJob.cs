using System.Threading.RateLimiting;
using Hangfire;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>
/// The campaign sender (every minute, and at once when a send starts): starts scheduled campaigns whose
/// time has come, expires what is left after a campaign's end time, then claims due delivery rows in
/// batches with a lease and sends each through <see cref="ISmsBatches"/> at <c>Sms:MaxPerSecond</c>.
/// Every rule is checked again at the moment of sending (a STOP that arrived mid-campaign wins, a window
/// that closed holds the row until it opens). Crash-safe: a claimed row whose worker died is claimed
/// again after its lease, and the SMS correlation id returns the first attempt instead of texting twice.
/// </summary>
public sealed class CampaignSendJob(
    IDbContextFactory<AppDbContext> dbFactory,
    CampaignService campaigns,
    CampaignPlanner planner,
    IContactService contacts,
    ISmsBatches sms,
    Phones phones,
    IOptions<SmsOptions> options,
    AppInstanceIdentity instance,
    CampaignChanges changes,
    TimeProvider time,
    ILogger<CampaignSendJob> logger)
{
    public const string Id = "campaign-sender";
    /// <summary>Rows per claim: larger without a throttle (the batch's texts share a few round trips).</summary>
    /// <summary>Rows per claim with a batch channel: one High Volume request each (RingCentral takes up to 10,000); 2,000 keeps each write of the queued texts short, so webhook ingest is not held behind it on SQLite.</summary>
    public const int HighVolumeClaim = 2_000;

    private int Batch => sms.SendsMarketingInBatches ? Math.Min(sms.MarketingBatchSize, HighVolumeClaim)
        : options.Value.MaxPerSecond > 0 ? Math.Clamp(options.Value.MaxPerSecond * 2, 50, 500) : 500;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [DisableConcurrentExecution(timeoutInSeconds: 0)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken ct)
    {
        await StartDueAsync(ct);
        await ExpireAsync(ct);
        // Sms:MaxPerSecond paces person-to-person sends; a batch channel (High Volume SMS) takes a whole claim per request.
        using var throttle = options.Value.MaxPerSecond > 0 && !sms.SendsMarketingInBatches
            ? new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.Value.MaxPerSecond, TokensPerPeriod = options.Value.MaxPerSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = int.MaxValue, QueueProcessingOrder = QueueProcessingOrder.OldestFirst, AutoReplenishment = true,
            })
            : null;
        while (!ct.IsCancellationRequested && await ClaimAsync(ct) is { } worker)
        {
            await SendClaimedAsync(worker, throttle, ct);
        }
        await CompleteFinishedAsync(ct);
    }

    private async Task StartDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var id in await db.Set<Campaign>().Where(c => c.Status == CampaignStatus.Scheduled && c.SendAt <= now).Select(c => c.Id).ToListAsync(ct))
        {
            await campaigns.StartAsync(id, ct);
        }
    }

    private async Task ExpireAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ended = db.Set<Campaign>().Where(c => c.Status == CampaignStatus.Sending && c.EndAt != null && c.EndAt <= now).Select(c => c.Id);
        if (await db.Set<CampaignDelivery>().Where(d => ended.Contains(d.CampaignId) && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Held))
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DeliveryStatus.Cancelled).SetProperty(d => d.Reason, "expired"), ct) > 0)
        {
            changes.Publish();
        }
    }

    private static readonly LeaseTable Table = new("CampaignDeliveries", OrderBy: "\"DueAt\", \"Id\"");

    /// <summary>Due rows of sending campaigns, and rows whose sender died mid-send (their lease has run out).</summary>
    private async Task<string?> ClaimAsync(CancellationToken ct)
    {
        var worker = instance.NewOwner();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var claimed = await LeaseClaims.ClaimBatchAsync<long>(db, Table,
            """ "DueAt" <= {0} AND "Status" IN ('Pending', 'Held', 'Sending') AND "CampaignId" IN (SELECT "Id" FROM "Campaigns" WHERE "Status" = 'Sending') """,
            [now], Batch, now, Lease, worker, ct, alsoSet: "\"Status\" = 'Sending'");
        return claimed.Count == 0 ? null : worker;
    }

    private async Task SendClaimedAsync(string worker, RateLimiter? throttle, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<CampaignDelivery>().Where(d => d.LockedBy == worker).OrderBy(d => d.Id).ToListAsync(ct);
        // Stryker disable once Linq : the ids only feed an IN list; a repeated id finds the same campaign
        var campaignIds = rows.Select(r => r.CampaignId).Distinct().ToList();
        var templates = (await db.Set<Campaign>().AsNoTracking().Where(c => campaignIds.Contains(c.Id)).Select(c => new { c.Id, c.Message, c.LinkBase }).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => CampaignLinks.Prepare(c.Message, c.LinkBase));
        // Each recipient's own link codes, written when the send started, in the order of the message's links.
        var rowContacts = rows.Select(r => r.ContactId).Distinct().ToList();
        var codes = (await db.Set<TrackedLink>().AsNoTracking().Where(l => campaignIds.Contains(l.CampaignId) && rowContacts.Contains(l.ContactId))
                .Select(l => new { l.CampaignId, l.ContactId, l.Position, l.Code }).ToListAsync(ct))
            .GroupBy(l => (l.CampaignId, l.ContactId)).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.OrderBy(l => l.Position).Select(l => l.Code)]);
        var now = time.GetUtcNow().UtcDateTime;
        var people = await contacts.GetSummariesAsync(rows.Select(r => r.ContactId), ct);
        var history = await sms.MarketingSentSinceAsync(now.AddHours(-Math.Max(24, options.Value.FrequencyCapHours)), people.Values.Select(p => p.Phone).OfType<string>(), ct);
        IReadOnlyCollection<DateTime> SentTo(string? number) => number is not null && history.TryGetValue(number, out var list) ? list : [];
        var rules = await planner.RulesAsync(ct);
        var parties = await planner.PartyStatesAsync([.. people.Keys], now, ct);
        var outgoing = new List<(CampaignDelivery Row, OutboundSms Sms)>(rows.Count);
        // Rows claimed again after their sender died mid-send: the first attempt's text stands.
        var attempted = await sms.ExistingCorrelationsAsync(rows.Select(Correlation), ct);
        foreach (var row in rows)
        {
            var correlation = Correlation(row);
            if (attempted.Contains(correlation))
            {
                // Stryker disable once NullCoalescing,String : the earlier attempt answers by its key before the number is read (ToE164 takes null too)
                outgoing.Add((row, new OutboundSms(row.ContactId, row.Phone ?? "", row.Text, SmsPurpose.Marketing, correlation)));
                continue;
            }
            var person = people.GetValueOrDefault(row.ContactId);
            // The caps count texts to the number this text goes to: the contact's number now (it may have changed since the send started).
            var decision = person is null
                ? new RecipientDecision(row.ContactId, row.Phone, false, HoldReasons.InvalidNumber, null, row.Text, SmsSegments.Count(row.Text))
                : rules.Decide(new CampaignRecipient(person.Id, person.Name, person.Phone, person.SmsConsent, person.State, person.TimeZones, person.NumberInvalid, parties.GetValueOrDefault(person.Id)),
                    templates[row.CampaignId], now, SentTo(person.Phone), false, phones);
            if (!decision.Eligible)
            {
                row.Status = HoldReasons.IsDelay(decision.Reason) ? DeliveryStatus.Held : DeliveryStatus.Skipped;
                row.Reason = decision.Reason;
                row.DueAt = decision.EarliestSendAt ?? row.DueAt;
                Release(row);
                continue;
            }
            var text = CampaignLinks.Personalise(decision.Text, codes.GetValueOrDefault((row.CampaignId, row.ContactId)) ?? []);
            if (CampaignLinks.HasPlaceholder(text))
            {
                // Never a text with a link that leads nowhere (every row that can be sent got its codes when the send started).
                row.Status = DeliveryStatus.Skipped;
                row.Reason = "linkMissing";
                Release(row);
                continue;
            }
            row.Text = text;
            row.Segments = decision.Segments.Segments;
            // The SMS service checks consent once more as it sends (a STOP that lands in between wins).
            outgoing.Add((row, new OutboundSms(row.ContactId, decision.Phone!, text, SmsPurpose.Marketing, correlation)));
        }

        // Sub-batches no larger than a second's allowance, so the throttle is held to Sms:MaxPerSecond.
        var failed = new List<(CampaignDelivery Row, Guid MessageId)>();
        // What each sent row becomes: written only over Sending below, so a receipt that got there first stands.
        var outcomes = new List<(long Id, DeliveryStatus Status)>();
        var step = throttle is null ? Math.Max(1, outgoing.Count) : Math.Max(1, Math.Min(options.Value.MaxPerSecond, outgoing.Count));
        foreach (var part in outgoing.Chunk(step))
        {
            if (throttle is not null)
            {
                using var lease = await throttle.AcquireAsync(part.Length, ct);
            }
            var results = await sms.SendManyAsync([.. part.Select(p => p.Sms)], ct);
            for (var i = 0; i < part.Length; i++)
            {
                var (row, _) = part[i];
                var result = results[i];
                if (result.Accepted && result.ProviderMessageId is null)
                {
                    // An earlier attempt whose provider call never reported back: the SMS service settles it
                    // (asks the provider, sends it if it never arrived); this row waits for that, claimed.
                    row.OutboundMessageId = result.MessageId;
                    row.LockedUntil = time.GetUtcNow().UtcDateTime + ISmsBatches.InDoubtAfter;
                    continue;
                }
                row.OutboundMessageId = result.MessageId;
                row.ProviderMessageId = result.ProviderMessageId;
                row.SentAt = time.GetUtcNow().UtcDateTime;
                var outcome = result.Accepted ? DeliveryStatus.Sent : result.RefusedReason is "providerError" ? DeliveryStatus.Failed : DeliveryStatus.Skipped;
                outcomes.Add((row.Id, outcome));
                // Stryker disable once Conditional : an accepted result carries no refusal reason (ISmsBatches never sets one), so both branches store null
                row.Reason = result.Accepted ? null : result.RefusedReason;
                if (outcome == DeliveryStatus.Failed && result.MessageId is { } failedId)
                {
                    failed.Add((row, failedId));
                }
                Release(row);
            }
        }
        await CampaignProviderReasons.RecordAsync(sms, failed, ct);
        // The row's text, lease and reason, then its status only where it is still Sending: a receipt for a text can be
        // recorded (CampaignDeliveryReceipts) before this batch is, and delivered must never go back to sent. One transaction,
        // so no one sees a released row without its status.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            foreach (var group in outcomes.GroupBy(o => o.Status))
            {
                var ids = group.Select(o => o.Id).ToList();
                await db.Set<CampaignDelivery>().Where(d => ids.Contains(d.Id) && d.Status == DeliveryStatus.Sending)
                    .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, group.Key), ct);
            }
            await tx.CommitAsync(ct);
        }
        changes.Publish([.. campaignIds]);
        logger.LogDebug("Campaign batch of {Count} done ({Sent} sent)", rows.Count, outgoing.Count);
    }

    private static string Correlation(CampaignDelivery row) => CampaignService.CorrelationPrefix(row.CampaignId) + row.ContactId;

    private static void Release(CampaignDelivery row)
    {
        row.LockedBy = null;
        row.LockedUntil = null;
    }

    private async Task CompleteFinishedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<Campaign>()
                .Where(c => c.Status == CampaignStatus.Sending && !db.Set<CampaignDelivery>().Any(d => d.CampaignId == c.Id
                    && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Held || d.Status == DeliveryStatus.Sending)))
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CampaignStatus.Completed).SetProperty(c => c.CompletedAt, now), ct) > 0)
        {
            changes.Publish();
        }
    }
}
