using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Campaigns.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Inbox.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Campaigns;

public sealed partial class CampaignService(IDbContextFactory<AppDbContext> dbFactory, CampaignPlanner planner, ISmsBatches sms, IBookingService bookings,
    IContactService contacts, IInboxService inbox, Hangfire.IBackgroundJobClient jobs, Microsoft.Extensions.Options.IOptions<SmsOptions> options, TimeProvider time) : Messaging.Contracts.ICampaignReplyAttribution, ICampaignSummaries
{
    /// <exception cref="ArgumentException">The audience is not chosen (<see cref="Audience.IsChosen"/>) or mixes "everyone" with tags or contacts.</exception>
    public async Task<Campaign> CreateAsync(NewCampaign input, Actor actor, CancellationToken ct)
    {
        if (Audience.ErrorOf(input.Audience) is { } why)
        {
            throw new ArgumentException(why, "audience");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = new Campaign
        {
            Name = input.Name.Trim(), Message = input.Message.Trim(), IncludeTags = [.. input.Audience.IncludeTags], ExcludeTags = [.. input.Audience.ExcludeTags],
            ContactIds = [.. input.Audience.ContactIds], SkipBookedWithinDays = input.Audience.SkipBookedWithinDays, SkipTextedWithinDays = input.Audience.SkipTextedWithinDays, IncludeInConversation = input.Audience.IncludeInConversation, EndAt = input.EndAt, Status = CampaignStatus.Draft, CreatedBy = actor.Name, CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    public async Task<Campaign?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
    }

    /// <summary>Per-recipient eligibility now (draft) or as written when the send started.</summary>
    public async Task<IReadOnlyList<RecipientDecision>?> PreviewAsync(Guid id, CancellationToken ct)
    {
        var campaign = await FindAsync(id, ct);
        return campaign is null ? null : (await planner.PlanAsync(campaign.Message, campaign.Audience, campaign.SendAt, ct)).Decisions;
    }

    /// <summary>
    /// Starts the send now, or schedules it. Only a draft can be sent: a second call is a no-op that
    /// returns the campaign as it is.
    /// </summary>
    public async Task<Campaign?> SendAsync(Guid id, DateTime? sendAt, CancellationToken ct)
    {
        // A campaign number that cannot send High Volume SMS refuses the start, naming the number and the missing feature.
        if (await FindAsync(id, ct) is { Status: CampaignStatus.Draft } && await sms.CheckMarketingSenderAsync(ct) is { } cannot)
        {
            throw new CampaignSenderException(cannot);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (sendAt is { } later && later > now)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Set<Campaign>().Where(c => c.Id == id && c.Status == CampaignStatus.Draft)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CampaignStatus.Scheduled).SetProperty(c => c.SendAt, later), ct);
            return await FindAsync(id, ct);
        }
        await StartAsync(id, ct);
        return await FindAsync(id, ct);
    }

    /// <summary>
    /// Writes one delivery row per recipient with its decision and moves the campaign to Sending, in one
    /// transaction: a crash leaves either nothing or everything, and a concurrent second start fails on
    /// the unique (campaign, contact) key and changes nothing.
    /// </summary>
    public async Task<bool> StartAsync(Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await db.Set<Campaign>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null || campaign.Status is not (CampaignStatus.Draft or CampaignStatus.Scheduled))
        {
            return false;
        }
        var resume = await db.Set<CampaignDelivery>().AnyAsync(d => d.CampaignId == id, ct);
        var plan = await planner.PlanAsync(campaign.Message, campaign.Audience, now, ct);
        if (resume || plan.Decisions.Count > StartChunk)
        {
            // A big audience (or a staged start that died midway) is written in short transactions.
            return await StartStagedAsync(id, plan.Decisions, now, ct);
        }
        foreach (var d in plan.Decisions)
        {
            db.Add(new CampaignDelivery
            {
                CampaignId = id, ContactId = d.ContactId, Phone = d.Phone, Text = d.Text, Segments = d.Segments.Segments,
                Status = d.Eligible ? DeliveryStatus.Pending : HoldReasons.IsDelay(d.Reason) ? DeliveryStatus.Held : DeliveryStatus.Skipped,
                Reason = d.Reason, DueAt = d.EarliestSendAt ?? now,
            });
        }
        campaign.Status = CampaignStatus.Sending;
        campaign.StartedAt = now;
        campaign.SendAt ??= now;
        try
        {
            await db.SaveChangesAsync(ct);
            // Start sending at once rather than at the sender's next minute; the rows are the truth either way.
            Hangfire.BackgroundJobClientExtensions.Enqueue<CampaignSendJob>(jobs, j => j.RunAsync(CancellationToken.None));
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another start won
        }
    }

    public Task<bool> CancelAsync(Guid id, CancellationToken ct) => SetStatusAsync(id, CampaignStatus.Cancelled, [CampaignStatus.Draft, CampaignStatus.Scheduled, CampaignStatus.Sending, CampaignStatus.Paused], ct);

    public Task<bool> PauseAsync(Guid id, CancellationToken ct) => SetStatusAsync(id, CampaignStatus.Paused, [CampaignStatus.Sending], ct);

    public async Task<bool> ResumeAsync(Guid id, CancellationToken ct)
    {
        var resumed = await SetStatusAsync(id, CampaignStatus.Sending, [CampaignStatus.Paused], ct);
        if (resumed)
        {
            Hangfire.BackgroundJobClientExtensions.Enqueue<CampaignSendJob>(jobs, j => j.RunAsync(CancellationToken.None));
        }
        return resumed;
    }

    private async Task<bool> SetStatusAsync(Guid id, CampaignStatus to, CampaignStatus[] from, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Set<Campaign>().Where(c => c.Id == id && from.Contains(c.Status))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, to).SetProperty(c => c.CompletedAt, c => to == CampaignStatus.Cancelled ? now : c.CompletedAt), ct);
        if (changed > 0 && to == CampaignStatus.Cancelled)
        {
            // Stops unsent messages; one being sent right now finishes (its row is Sending).
            await db.Set<CampaignDelivery>().Where(d => d.CampaignId == id && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Held))
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DeliveryStatus.Cancelled).SetProperty(d => d.Reason, "cancelled"), ct);
        }
        await tx.CommitAsync(ct);
        return changed > 0;
    }

    public async Task<IReadOnlyList<DeliveryRow>> DeliveriesAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<CampaignDelivery>().AsNoTracking().Where(d => d.CampaignId == id).OrderBy(d => d.Id).ToListAsync(ct);
        var statuses = await sms.GetStatusesAsync(rows.Where(r => r.OutboundMessageId is not null).Select(r => r.OutboundMessageId!.Value), ct);
        return rows.Select(r => new DeliveryRow(r.ContactId, r.Phone, Effective(r, statuses), r.Status == DeliveryStatus.Failed || Effective(r, statuses) == DeliveryStatus.Failed
            ? r.Reason ?? statuses.GetValueOrDefault(r.OutboundMessageId ?? Guid.Empty).Error : r.Reason, r.ProviderMessageId, r.SentAt, r.DueAt)).ToList();
    }

    /// <summary>A sent row's status follows its text's receipts (delivered/failed), kept by the SMS service.</summary>
    private static DeliveryStatus Effective(CampaignDelivery r, IReadOnlyDictionary<Guid, (OutboundStatus Status, DateTime? DeliveredAt, string? Error)> statuses) =>
        r.Status == DeliveryStatus.Sent && r.OutboundMessageId is { } m && statuses.TryGetValue(m, out var s)
            ? s.Status switch { OutboundStatus.Delivered => DeliveryStatus.Delivered, OutboundStatus.Failed => DeliveryStatus.Failed, _ => DeliveryStatus.Sent }
            : r.Status;

    /// <summary>
    /// Activity over time (texts sent per bucket, and when they were delivered or failed), replies and
    /// opt-outs that came from recipients after their text (within the attribution window). Heavier than
    /// <see cref="GetSummaryAsync"/>: the page reads it on open and every few seconds while sending.
    /// </summary>
    public async Task<CampaignInsights?> GetInsightsAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Campaign>().AnyAsync(c => c.Id == id, ct))
        {
            return null;
        }
        var sent = await db.Set<CampaignDelivery>().AsNoTracking().Where(d => d.CampaignId == id && d.OutboundMessageId != null && d.SentAt != null)
            .Select(d => new { d.ContactId, d.Phone, SentAt = d.SentAt!.Value, MessageId = d.OutboundMessageId!.Value }).ToListAsync(ct);
        if (sent.Count == 0)
        {
            return new CampaignInsights([], 1, 0, 0, 0, []);
        }
        var statuses = await sms.GetStatusesAsync(sent.Select(s => s.MessageId), ct);
        var first = sent.Min(s => s.SentAt);
        var last = sent.Select(s => statuses.TryGetValue(s.MessageId, out var st) && st.DeliveredAt is { } at ? at : s.SentAt).Max();
        var minutes = BucketMinutes(last - first);
        DateTime Bucket(DateTime t) => first.AddMinutes(Math.Floor((t - first).TotalMinutes / minutes) * minutes);
        var points = new SortedDictionary<DateTime, (int Sent, int Delivered, int Failed)>();
        void Add(DateTime t, int s, int d, int f)
        {
            var key = Bucket(t);
            var p = points.GetValueOrDefault(key);
            points[key] = (p.Sent + s, p.Delivered + d, p.Failed + f);
        }
        foreach (var s in sent)
        {
            Add(s.SentAt, 1, 0, 0);
            if (statuses.TryGetValue(s.MessageId, out var st))
            {
                if (st.Status == OutboundStatus.Delivered)
                {
                    Add(st.DeliveredAt ?? s.SentAt, 0, 1, 0);
                }
                else if (st.Status == OutboundStatus.Failed)
                {
                    Add(s.SentAt, 0, 0, 1);
                }
            }
        }
        var sentAt = sent.GroupBy(s => s.ContactId).ToDictionary(g => g.Key, g => g.Min(s => s.SentAt));
        var phoneOf = sent.GroupBy(s => s.ContactId).ToDictionary(g => g.Key, g => g.First().Phone);
        bool After(Guid contact, DateTime at) => sentAt.TryGetValue(contact, out var t) && at >= t && at - t <= AttributionWindow;
        var replies = (await inbox.InboundSmsSinceAsync(sentAt.Keys, first, ct)).Where(r => After(r.ContactId, r.At)).ToList();
        var optOuts = (await contacts.OptOutsSinceAsync(sentAt.Keys, first, ct)).Where(o => After(o.ContactId, o.At)).Select(o => o.ContactId).Distinct().Count();
        return new CampaignInsights(
            [.. points.Select(p => new ActivityPoint(p.Key, p.Value.Sent, p.Value.Delivered, p.Value.Failed))], minutes,
            replies.Count, replies.Select(r => r.ContactId).Distinct().Count(), optOuts,
            [.. replies.OrderByDescending(r => r.At).Take(20).Select(r => new CampaignReply(r.ContactId, phoneOf.GetValueOrDefault(r.ContactId), r.At, r.Text))]);
    }

    /// <summary>A bucket width that gives a readable chart (about 10–60 points) for the campaign's span.</summary>
    internal static int BucketMinutes(TimeSpan span) => span.TotalMinutes switch
    {
        <= 60 => 1,
        <= 6 * 60 => 10,
        <= 2 * 24 * 60 => 60,
        _ => 24 * 60,
    };

    public static string CorrelationPrefix(Guid campaignId) => $"campaign:{campaignId}:";

    /// <summary>
    /// Status, counts and money for one campaign in a few grouped queries (the campaign page re-reads it
    /// every two seconds while sending, so no row is loaded): recipients by delivery row status, texts
    /// sent by their receipt status (delivered, failed, still in flight).
    /// </summary>
    public async Task<CampaignSummary?> GetSummaryAsync(Guid id, CancellationToken ct)
    {
        var campaign = await FindAsync(id, ct);
        if (campaign is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<CampaignDelivery>().AsNoTracking().Where(d => d.CampaignId == id).GroupBy(d => d.Status)
            .Select(g => new { g.Key, Count = g.Count(), Segments = g.Sum(d => d.OutboundMessageId != null ? d.Segments : 0) }).ToListAsync(ct);
        var texts = await sms.CountByCorrelationPrefixAsync(CorrelationPrefix(id), ct);
        int Rows(DeliveryStatus s) => rows.Where(r => r.Key == s).Sum(r => r.Count);
        int Texts(OutboundStatus s) => texts.GetValueOrDefault(s);
        var counts = new CampaignCounts(rows.Sum(r => r.Count), Rows(DeliveryStatus.Pending), Rows(DeliveryStatus.Held), Rows(DeliveryStatus.Sending),
            Texts(OutboundStatus.Queued) + Texts(OutboundStatus.Sent), Texts(OutboundStatus.Delivered), Texts(OutboundStatus.Failed),
            Rows(DeliveryStatus.Skipped), Rows(DeliveryStatus.Cancelled), rows.Sum(r => r.Segments) * options.Value.CostPerSegment);
        var revenue = await RevenueAsync(id, ct);
        return new CampaignSummary(campaign.Id, campaign.Name, campaign.Message, campaign.Status, campaign.Audience, campaign.CreatedAt, campaign.SendAt, campaign.EndAt,
            campaign.StartedAt, campaign.CompletedAt, counts, revenue.Bookings, revenue.Revenue);
    }

    /// <summary>
    /// Opt-outs after each campaign's texts (a recipient who opted out within the attribution window after
    /// their text), for the campaign list: recipients of all listed campaigns in one query, then the
    /// consent ledger for those people once.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, int>> OptOutCountsAsync(IReadOnlyCollection<Guid> campaignIds, CancellationToken ct)
    {
        var result = campaignIds.ToDictionary(id => id, _ => 0);
        var sent = new List<(Guid CampaignId, Guid ContactId, DateTime SentAt)>();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            foreach (var chunk in campaignIds.Chunk(100))
            {
                sent.AddRange((await db.Set<CampaignDelivery>().AsNoTracking().Where(d => chunk.Contains(d.CampaignId) && d.OutboundMessageId != null && d.SentAt != null)
                    .Select(d => new { d.CampaignId, d.ContactId, SentAt = d.SentAt!.Value }).ToListAsync(ct)).Select(d => (d.CampaignId, d.ContactId, d.SentAt)));
            }
        }
        if (sent.Count == 0)
        {
            return result;
        }
        var optOuts = (await contacts.OptOutsSinceAsync(sent.Select(s => s.ContactId).Distinct().ToList(), sent.Min(s => s.SentAt), ct))
            .ToLookup(o => o.ContactId, o => o.At);
        foreach (var group in sent.GroupBy(s => s.CampaignId))
        {
            result[group.Key] = group.Count(s => optOuts[s.ContactId].Any(at => at >= s.SentAt && at - s.SentAt <= AttributionWindow));
        }
        return result;
    }

    /// <summary>The newest campaigns with their counts (list page and API).</summary>
    public async Task<IReadOnlyList<CampaignSummary>> ListSummariesAsync(CancellationToken ct)
    {
        var summaries = new List<CampaignSummary>();
        foreach (var c in await ListAsync(ct))
        {
            if (await GetSummaryAsync(c.Id, ct) is { } summary)
            {
                summaries.Add(summary);
            }
        }
        return summaries;
    }

    /// <summary>The campaign whose text last reached the contact within the attribution window before <paramref name="atUtc"/> (a reply's lead links to it).</summary>
    public async Task<Guid?> LastCampaignToAsync(Guid contactId, DateTime atUtc, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = atUtc - AttributionWindow;
        return await db.Set<CampaignDelivery>().AsNoTracking()
            .Where(d => d.ContactId == contactId && d.OutboundMessageId != null && d.SentAt >= since && d.SentAt <= atUtc)
            .OrderByDescending(d => d.SentAt).Select(d => (Guid?)d.CampaignId).FirstOrDefaultAsync(ct);
    }

    /// <summary>How long after a campaign text a booking still counts as the campaign's.</summary>
    public static readonly TimeSpan AttributionWindow = TimeSpan.FromDays(14);

    /// <summary>
    /// Bookings attributed to the campaign, last touch: a booking (not cancelled) requested within 14
    /// days after the contact received this campaign's text, with no later campaign text before it.
    /// </summary>
    public async Task<CampaignRevenue> RevenueAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = await db.Set<CampaignDelivery>().AsNoTracking().Where(d => d.CampaignId == id && d.SentAt != null && d.OutboundMessageId != null)
            .Select(d => new { d.ContactId, SentAt = d.SentAt!.Value }).ToListAsync(ct);
        if (mine.Count == 0)
        {
            return new CampaignRevenue(0, 0);
        }
        var contacts = mine.Select(m => m.ContactId).Distinct().ToList();
        var from = mine.Min(m => m.SentAt);
        var to = mine.Max(m => m.SentAt) + AttributionWindow;
        var touches = new List<(Guid ContactId, Guid CampaignId, DateTime SentAt)>();
        foreach (var chunk in contacts.Chunk(500))
        {
            touches.AddRange((await db.Set<CampaignDelivery>().AsNoTracking()
                .Where(d => chunk.Contains(d.ContactId) && d.SentAt != null && d.OutboundMessageId != null && d.SentAt >= from - AttributionWindow && d.SentAt <= to)
                .Select(d => new { d.ContactId, d.CampaignId, SentAt = d.SentAt!.Value }).ToListAsync(ct)).Select(d => (d.ContactId, d.CampaignId, d.SentAt)));
        }
        var attributed = (await bookings.ForContactsAsync(contacts, from, to, ct))
            .Where(b => b.Status != Bookings.Contracts.BookingStatus.Cancelled)
            .Where(b => touches.Where(t => t.ContactId == b.ContactId && t.SentAt <= b.RequestedAt && b.RequestedAt - t.SentAt <= AttributionWindow)
                .OrderByDescending(t => t.SentAt).Select(t => (Guid?)t.CampaignId).FirstOrDefault() == id)
            .ToList();
        return new CampaignRevenue(attributed.Count, attributed.Sum(b => b.Total));
    }

    public async Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Campaign>().AsNoTracking().OrderByDescending(c => c.CreatedAt).Take(200).ToListAsync(ct);
    }
}
