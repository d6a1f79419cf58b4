using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>Who campaigns have texted (read by the planner; kept apart so the planner needs no campaign service).</summary>
public sealed class CampaignHistory(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>Contacts that received a text from any campaign at or after <paramref name="sinceUtc"/>. One query.</summary>
    public async Task<IReadOnlySet<Guid>> TextedSinceAsync(DateTime sinceUtc, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.Set<CampaignDelivery>().AsNoTracking()
            .Where(d => d.OutboundMessageId != null && d.SentAt >= sinceUtc)
            .Select(d => d.ContactId).Distinct().ToListAsync(ct);
        return ids.ToHashSet();
    }
}
