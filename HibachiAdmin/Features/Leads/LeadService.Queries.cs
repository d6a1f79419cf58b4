using HibachiAdmin.Common;
using HibachiAdmin.Features.Leads.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Leads;

/// <summary>Reads for lists, one lead, and Home's intake numbers.</summary>
public sealed partial class LeadService
{
    public async Task<PagedResult<LeadDto>> ListAsync(LeadListQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var leads = Filter(db.Set<Lead>().AsNoTracking(), query.Source, query.From, query.To);
        if (query.Status is { } status)
        {
            leads = leads.Where(l => l.Status == status);
        }
        if (query.ContactId is { } contactId)
        {
            leads = leads.Where(l => l.ContactId == contactId);
        }
        var total = await leads.CountAsync(ct);
        var items = await ProjectDto(leads.OrderByDescending(l => l.CreatedAt).ThenBy(l => l.Id).Skip(paging.Skip).Take(paging.Take)).ToListAsync(ct);
        return new PagedResult<LeadDto>(await WithContactsAsync(items, ct), total);
    }

    public async Task<LeadDto?> GetDtoAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lead = await ProjectDto(db.Set<Lead>().AsNoTracking().Where(l => l.Id == id)).FirstOrDefaultAsync(ct);
        return lead is null ? null : (await WithContactsAsync([lead], ct))[0] with { Inquiries = await GetInquiriesAsync(id, ct) };
    }

    /// <summary>
    /// Leads created between two instants: counts by source, and the funnel New → Booked from each
    /// lead's status history (a lead lost after a quote still counts as having reached Quoted).
    /// </summary>
    public async Task<LeadIntake> GetIntakeAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var leads = await db.Set<Lead>().AsNoTracking().Where(l => l.CreatedAt >= fromUtc && l.CreatedAt < toUtc)
            .Select(l => new { l.Id, l.Source, l.Status }).ToListAsync(ct);
        var reached = leads.ToDictionary(l => l.Id, l => l.Status == LeadStatus.Lost ? LeadStatus.New : l.Status);
        foreach (var chunk in leads.Select(l => l.Id).Chunk(500))
        {
            var moves = await db.Set<LeadStatusChange>().AsNoTracking().Where(c => chunk.Contains(c.LeadId) && c.To != LeadStatus.Lost)
                .Select(c => new { c.LeadId, c.To }).ToListAsync(ct);
            foreach (var move in moves.Where(m => m.To > reached[m.LeadId]))
            {
                reached[move.LeadId] = move.To;
            }
        }
        var stages = new[] { LeadStatus.New, LeadStatus.Contacted, LeadStatus.Qualified, LeadStatus.Quoted, LeadStatus.Booked };
        return new LeadIntake(leads.Count,
            leads.GroupBy(l => l.Source).ToDictionary(g => g.Key, g => g.Count()),
            stages.Select(stage => new FunnelStep(stage, reached.Values.Count(r => r >= stage))).ToList());
    }

    private static IQueryable<Lead> Filter(IQueryable<Lead> leads, LeadSource? source, DateOnly? from, DateOnly? to)
    {
        if (source is { } s)
        {
            leads = leads.Where(l => l.Source == s);
        }
        if (from is { } f)
        {
            leads = leads.Where(l => l.EventDate >= f);
        }
        if (to is { } t)
        {
            leads = leads.Where(l => l.EventDate <= t);
        }
        return leads;
    }

    private static IQueryable<LeadDto> ProjectDto(IQueryable<Lead> leads) =>
        leads.Select(l => new LeadDto(l.Id, l.ContactId, null, null, l.Source, l.Status, l.LostReason, l.EventDate, l.GuestCount,
            l.Zip, l.Location, l.Occasion, l.EstimatedValue, l.Notes, l.ThreadId, l.CallId, l.QrCodeId, l.CampaignId, l.CreatedAt, l.UpdatedAt, l.StatusChangedAt));

    private async Task<List<LeadDto>> WithContactsAsync(List<LeadDto> leads, CancellationToken ct)
    {
        var found = await contacts.GetSummariesAsync(leads.Select(l => l.ContactId), ct);
        return leads.Select(l => found.GetValueOrDefault(l.ContactId) is { } c ? l with { ContactName = c.Name, ContactPhone = c.Phone } : l).ToList();
    }
}
