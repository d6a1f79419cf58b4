using HibachiAdmin.Features.Campaigns.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>
/// Counts, cost and revenue of campaigns, read from the campaigns' own delivery rows (each owns its status,
/// <see cref="CampaignDeliveryReceipts"/>): one grouped query for the counts of one campaign or of the whole list, and
/// the list's revenue in a fixed number of queries however many campaigns it shows.
/// </summary>
public sealed partial class CampaignService
{
    public static string CorrelationPrefix(Guid campaignId) => $"campaign:{campaignId}:";

    /// <summary>The campaign and contact of a campaign text's idempotency key (<c>campaign:{campaign}:{contact}</c>), or null for any other key.</summary>
    public static (Guid CampaignId, Guid ContactId)? ParseCorrelation(string? correlationId)
    {
        const string Prefix = "campaign:";
        if (correlationId is null || !correlationId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var parts = correlationId[Prefix.Length..].Split(':');
        return parts.Length == 2 && Guid.TryParse(parts[0], out var campaign) && Guid.TryParse(parts[1], out var contact) ? (campaign, contact) : null;
    }

    /// <summary>Status, counts and money for one campaign: the campaign, one grouped count of its rows, its revenue.</summary>
    public async Task<CampaignSummary?> GetSummaryAsync(Guid id, CancellationToken ct)
    {
        var campaign = await FindAsync(id, ct);
        if (campaign is null)
        {
            return null;
        }
        var counts = await CountsAsync([id], ct);
        var revenue = (await RevenuesAsync([id], ct))[id];
        return Summary(campaign, counts.GetValueOrDefault(id) ?? Empty, revenue);
    }

    /// <summary>The newest campaigns with their counts (list page and API): the list, one grouped count, the revenue of all of them at once.</summary>
    public async Task<IReadOnlyList<CampaignSummary>> ListSummariesAsync(CancellationToken ct)
    {
        var campaigns = await ListAsync(ct);
        if (campaigns.Count == 0)
        {
            return [];
        }
        var ids = campaigns.Select(c => c.Id).ToList();
        var counts = await CountsAsync(ids, ct);
        var revenues = await RevenuesAsync(ids, ct);
        return [.. campaigns.Select(c => Summary(c, counts.GetValueOrDefault(c.Id) ?? Empty, revenues[c.Id]))];
    }

    private static readonly CampaignCounts Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0m);

    private static CampaignSummary Summary(Campaign c, CampaignCounts counts, CampaignRevenue revenue) =>
        new(c.Id, c.Name, c.Message, c.Status, c.Audience, c.CreatedAt, c.SendAt, c.EndAt, c.StartedAt, c.CompletedAt, counts, revenue.Bookings, revenue.Revenue, revenue.Collected);

    /// <summary>Recipients by status and the cost of the texts sent, per campaign, in one grouped query.</summary>
    private async Task<Dictionary<Guid, CampaignCounts>> CountsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groups = await db.Set<CampaignDelivery>().AsNoTracking().Where(d => ids.Contains(d.CampaignId)).GroupBy(d => new { d.CampaignId, d.Status })
            .Select(g => new { g.Key.CampaignId, g.Key.Status, Count = g.Count(), Segments = g.Sum(d => d.OutboundMessageId != null ? d.Segments : 0) })
            .ToListAsync(ct);
        return groups.GroupBy(g => g.CampaignId).ToDictionary(c => c.Key, c =>
        {
            int Of(DeliveryStatus s) => c.Where(g => g.Status == s).Sum(g => g.Count);
            return new CampaignCounts(c.Sum(g => g.Count), Of(DeliveryStatus.Pending), Of(DeliveryStatus.Held), Of(DeliveryStatus.Sending), Of(DeliveryStatus.Sent),
                Of(DeliveryStatus.Delivered), Of(DeliveryStatus.Failed), Of(DeliveryStatus.Skipped), Of(DeliveryStatus.Cancelled),
                c.Sum(g => g.Segments) * options.Value.CostPerSegment);
        });
    }

    /// <summary>How long after a campaign text a booking still counts as the campaign's.</summary>
    public static readonly TimeSpan AttributionWindow = TimeSpan.FromDays(14);

    /// <summary>
    /// Bookings attributed to the campaign, last touch: a booking (not cancelled) requested within 14
    /// days after the contact received this campaign's text, with no later campaign text before it.
    /// </summary>
    public async Task<CampaignRevenue> RevenueAsync(Guid id, CancellationToken ct) => (await RevenuesAsync([id], ct))[id];

    /// <summary>
    /// <see cref="RevenueAsync"/> for many campaigns at once: their texts (one query), every campaign text to those
    /// people around then (one query per 500 people) and their bookings; each booking goes to its last touch.
    /// </summary>
    private async Task<Dictionary<Guid, CampaignRevenue>> RevenuesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var result = ids.ToDictionary(id => id, _ => new CampaignRevenue(0, 0));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var mine = await db.Set<CampaignDelivery>().AsNoTracking().Where(d => ids.Contains(d.CampaignId) && d.SentAt != null && d.OutboundMessageId != null)
            .Select(d => new { d.ContactId, SentAt = d.SentAt!.Value }).ToListAsync(ct);
        if (mine.Count == 0)
        {
            return result;
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
        var byContact = touches.ToLookup(t => t.ContactId);
        foreach (var booking in await bookings.ForContactsAsync(contacts, from, to, ct))
        {
            if (booking.Status == Bookings.Contracts.BookingStatus.Cancelled)
            {
                continue;
            }
            var last = byContact[booking.ContactId].Where(t => t.SentAt <= booking.RequestedAt && booking.RequestedAt - t.SentAt <= AttributionWindow)
                .OrderByDescending(t => t.SentAt).Select(t => (Guid?)t.CampaignId).FirstOrDefault();
            if (last is { } campaign && result.TryGetValue(campaign, out var so))
            {
                result[campaign] = new CampaignRevenue(so.Bookings + 1, so.Revenue + booking.Total, so.Collected + booking.Collected);
            }
        }
        return result;
    }
}
