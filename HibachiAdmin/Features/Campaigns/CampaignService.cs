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
    IContactService contacts, IInboxService inbox, Hangfire.IBackgroundJobClient jobs, Microsoft.Extensions.Options.IOptions<SmsOptions> options, CampaignChanges changes, Infrastructure.Data.WriteTurns turns, TimeProvider time) : Messaging.Contracts.ICampaignReplyAttribution, ICampaignSummaries
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
            ContactIds = [.. input.Audience.ContactIds], SkipBookedWithinDays = input.Audience.SkipBookedWithinDays, SkipTextedWithinDays = input.Audience.SkipTextedWithinDays, IncludeInConversation = input.Audience.IncludeInConversation, EndAt = input.EndAt, Status = CampaignStatus.Draft, CreatedBy = actor.Name, LinkBase = input.LinkBase?.TrimEnd('/'), CreatedAt = time.GetUtcNow().UtcDateTime,
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
        return campaign is null ? null : (await planner.PlanAsync(CampaignLinks.Prepare(campaign.Message, campaign.LinkBase), campaign.Audience, campaign.SendAt, ct)).Decisions;
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
            changes.Publish(id);
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
        var plan = await planner.PlanAsync(CampaignLinks.Prepare(campaign.Message, campaign.LinkBase), campaign.Audience, now, ct);
        var destinations = campaign.LinkBase is null ? [] : CampaignLinks.Destinations(campaign.Message);
        if (resume || plan.Decisions.Count > StartChunk)
        {
            // A big audience (or a staged start that died midway) is written in short transactions.
            return await StartStagedAsync(id, plan.Decisions, destinations, now, ct);
        }
        foreach (var d in plan.Decisions)
        {
            AddDelivery(db, id, d, destinations, now);
        }
        campaign.Status = CampaignStatus.Sending;
        campaign.StartedAt = now;
        campaign.SendAt ??= now;
        try
        {
            await db.SaveChangesAsync(ct);
            changes.Publish(id);
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
        if (changed > 0)
        {
            changes.Publish(id);
        }
        return changed > 0;
    }

    /// <summary>Every recipient with where they stand (the API's list), in the order the send wrote them.</summary>
    public async Task<IReadOnlyList<DeliveryRow>> DeliveriesAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<CampaignDelivery>().AsNoTracking().Where(d => d.CampaignId == id).OrderBy(d => d.Id)
            .Select(d => new DeliveryRow(d.ContactId, d.Phone, d.Status, d.Reason, d.ProviderMessageId, d.SentAt, d.DueAt)).ToListAsync(ct);
    }

    /// <summary>One page of recipients (the campaign page reads only what it shows), with the total.</summary>
    public async Task<PagedResult<DeliveryRow>> DeliveriesPageAsync(Guid id, int skip, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Set<CampaignDelivery>().AsNoTracking().Where(d => d.CampaignId == id);
        var items = await rows.OrderBy(d => d.Id).Skip(skip).Take(take)
            .Select(d => new DeliveryRow(d.ContactId, d.Phone, d.Status, d.Reason, d.ProviderMessageId, d.SentAt, d.DueAt)).ToListAsync(ct);
        return new PagedResult<DeliveryRow>(items, skip == 0 && items.Count < take ? items.Count : await rows.CountAsync(ct));
    }

    /// <summary>
    /// Activity over time (texts sent per bucket, and when they were delivered or failed), replies and
    /// opt-outs that came from recipients after their text (within the attribution window). Heavier than
    /// <see cref="GetSummaryAsync"/>: the page reads it on open, then on changes at most every 10 s while texts go out.
    /// </summary>
    public async Task<CampaignInsights?> GetInsightsAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<Campaign>().AnyAsync(c => c.Id == id, ct))
        {
            return null;
        }
        var sent = await db.Set<CampaignDelivery>().AsNoTracking().Where(d => d.CampaignId == id && d.OutboundMessageId != null && d.SentAt != null)
            .Select(d => new { d.ContactId, d.Phone, SentAt = d.SentAt!.Value, d.Status, d.DeliveredAt }).ToListAsync(ct);
        if (sent.Count == 0)
        {
            return new CampaignInsights([], 1, 0, 0, 0, []);
        }
        var first = sent.Min(s => s.SentAt);
        var last = sent.Select(s => s.DeliveredAt ?? s.SentAt).Max();
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
            if (s.Status == DeliveryStatus.Delivered)
            {
                Add(s.DeliveredAt ?? s.SentAt, 0, 1, 0);
            }
            else if (s.Status == DeliveryStatus.Failed)
            {
                Add(s.SentAt, 0, 0, 1);
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

    /// <summary>The campaign whose text last reached the contact within the attribution window before <paramref name="atUtc"/> (a reply's lead links to it).</summary>
    public async Task<Guid?> LastCampaignToAsync(Guid contactId, DateTime atUtc, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = atUtc - AttributionWindow;
        return await db.Set<CampaignDelivery>().AsNoTracking()
            .Where(d => d.ContactId == contactId && d.OutboundMessageId != null && d.SentAt >= since && d.SentAt <= atUtc)
            .OrderByDescending(d => d.SentAt).Select(d => (Guid?)d.CampaignId).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Campaign>().AsNoTracking().OrderByDescending(c => c.CreatedAt).Take(200).ToListAsync(ct);
    }
}
