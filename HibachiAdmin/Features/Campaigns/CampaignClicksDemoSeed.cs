using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>
/// The sent demo campaign's link clicks (after Leads): each lead that came from its link was opened by a click a few minutes
/// before it, as <see cref="LinkClickAttributionJob"/> records it; a few people clicked twice.
/// </summary>
public sealed class CampaignClicksDemoSeed : IDemoSeedContributor
{
    public int Order => 25;

    public async Task SeedAsync(AppDbContext db, DemoSeedContext context, CancellationToken ct)
    {
        if (!context.Items.TryGetValue(LeadsDemoData.LeadsKey, out var value) || value is not List<DemoLead> leads)
        {
            return;
        }
        var r = context.Random;
        var fromLinks = leads.Where(l => l.CampaignId is not null).ToList();
        var ids = fromLinks.Select(l => l.ContactId).ToList();
        var links = await db.Set<TrackedLink>().AsNoTracking().Where(t => ids.Contains(t.ContactId) && t.Position == 1).ToListAsync(ct);
        foreach (var lead in fromLinks)
        {
            if (links.FirstOrDefault(t => t.ContactId == lead.ContactId && t.CampaignId == lead.CampaignId) is not { } link)
            {
                continue;
            }
            const string iPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
            var at = lead.CreatedAt.AddMinutes(-r.Next(2, 20));
            db.Add(new LinkClick { LinkId = link.Id, CampaignId = link.CampaignId, ContactId = lead.ContactId, At = at, UserAgent = iPhone, LeadId = lead.Id, AttributedAt = lead.CreatedAt });
            if (r.Next(3) == 0)
            {
                db.Add(new LinkClick { LinkId = link.Id, CampaignId = link.CampaignId, ContactId = lead.ContactId, At = at.AddHours(2), UserAgent = iPhone, LeadId = lead.Id, AttributedAt = at.AddHours(2).AddMinutes(1) });
            }
        }
    }
}
