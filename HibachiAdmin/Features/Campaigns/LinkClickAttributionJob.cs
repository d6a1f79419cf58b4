using HibachiAdmin.Common;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>
/// Campaign → click → lead: each click not yet attributed puts its campaign on the person's open lead, or opens one
/// (source "campaign"), in one transaction with the click's mark, so a retry or a second worker finds the click done
/// or the same open lead; the booking made from that lead then carries the money back to the campaign. Enqueued by the
/// redirect and swept every minute (clicks are rows; the job carries nothing). A click never touches consent.
/// </summary>
public sealed class LinkClickAttributionJob(IDbContextFactory<AppDbContext> dbFactory, ILeadService leads, TimeProvider time, ILogger<LinkClickAttributionJob> logger)
{
    public const string Id = "campaign-link-clicks";

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var batch = await db.Set<LinkClick>().Where(c => c.AttributedAt == null).OrderBy(c => c.Id).Take(100).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }
            var now = time.GetUtcNow().UtcDateTime;
            var ids = batch.Select(c => c.Id).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Claim first: a second worker's claim waits for this transaction and then finds nothing, so no click opens two leads.
            var claimed = await db.Set<LinkClick>().Where(c => ids.Contains(c.Id) && c.AttributedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.AttributedAt, now), ct);
            if (claimed != batch.Count)
            {
                await transaction.RollbackAsync(ct);
                logger.LogDebug("Link clicks taken by another worker; reading them again");
                continue;
            }
            var tx = new CrossFeatureTransaction(db);
            foreach (var click in batch)
            {
                // The open lead of this unit of work is found again for the person's next click (the Leads service caches it per context).
                var (leadId, _) = await leads.CreateOrUpdateOpenLeadAsync(tx, new NewLead(click.ContactId, LeadSource.Campaign, CampaignId: click.CampaignId), Actor.System, ct);
                click.LeadId = leadId;
                click.AttributedAt = now;
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }
}
