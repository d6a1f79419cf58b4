using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Campaigns.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>Tracked links: a campaign's click funnel (campaign page, API) and a person's clicks (customer view).</summary>
public sealed partial class CampaignService : ICampaignLinks
{
    /// <summary>Clicks, people, leads, bookings and money of one campaign's links: three queries and one call to Bookings.</summary>
    public async Task<LinkFunnel> LinkFunnelAsync(Guid campaignId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var clicks = await db.Set<LinkClick>().AsNoTracking().Where(c => c.CampaignId == campaignId)
            .Select(c => new { c.LinkId, c.ContactId, c.LeadId, c.At }).ToListAsync(ct);
        if (clicks.Count == 0)
        {
            return LinkFunnel.Empty;
        }
        var linkIds = clicks.Select(c => c.LinkId).Distinct().ToList();
        var positions = new Dictionary<long, (int Position, string Destination)>();
        foreach (var chunk in linkIds.Chunk(500))
        {
            foreach (var l in await db.Set<TrackedLink>().AsNoTracking().Where(l => chunk.Contains(l.Id)).Select(l => new { l.Id, l.Position, l.Destination }).ToListAsync(ct))
            {
                positions[l.Id] = (l.Position, l.Destination);
            }
        }
        var perLink = clicks.GroupBy(c => positions[c.LinkId]).OrderBy(g => g.Key.Position)
            .Select(g => new LinkCount(g.Key.Position, g.Key.Destination, g.Count(), g.Select(c => c.ContactId).Distinct().Count())).ToList();
        var leadIds = clicks.Select(c => c.LeadId).OfType<Guid>().ToHashSet();
        var people = clicks.Select(c => c.ContactId).Distinct().ToList();
        var booked = leadIds.Count == 0 ? [] : (await bookings.ForContactsAsync(people, clicks.Min(c => c.At), time.GetUtcNow().UtcDateTime, ct))
            .Where(b => b.LeadId is { } lead && leadIds.Contains(lead) && b.Status != BookingStatus.Cancelled).ToList();
        return new LinkFunnel(clicks.Count, people.Count, leadIds.Count, booked.Count, booked.Sum(b => b.Total), perLink);
    }

    public async Task<IReadOnlyList<LinkClickView>> ClicksForContactAsync(Guid contactId, int max, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from c in db.Set<LinkClick>().AsNoTracking()
                      join l in db.Set<TrackedLink>() on c.LinkId equals l.Id
                      join k in db.Set<Campaign>() on c.CampaignId equals k.Id
                      where c.ContactId == contactId
                      orderby c.At descending
                      select new LinkClickView(c.CampaignId, k.Name, l.Destination, c.At, c.LeadId)).Take(Math.Clamp(max, 1, 200)).ToListAsync(ct);
    }
}
