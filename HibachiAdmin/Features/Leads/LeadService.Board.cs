using HibachiAdmin.Common;
using HibachiAdmin.Features.Leads.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Leads;

/// <summary>The lead board: its columns, counts and value totals.</summary>
public sealed partial class LeadService
{
    private static readonly LeadStatus[] OpenStatuses = [LeadStatus.New, LeadStatus.Contacted, LeadStatus.Qualified, LeadStatus.Quoted];

    // "Tomorrow" on a card is the business's tomorrow, not UTC's (11 PM in New York is the next day in UTC).
    private DateOnly Today() => formats.Today;

    /// <summary>
    /// The board: per column the <see cref="BoardFilter.ColumnLimit"/> most urgent open leads (soonest
    /// event first, no date last) or latest booked/lost ones; counts and value totals over all leads, in SQL.
    /// </summary>
    public async Task<LeadBoard> GetBoardAsync(BoardFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var leads = Filter(db.Set<Lead>().AsNoTracking(), filter.Source, filter.From, filter.To);

        var totals = await leads.GroupBy(l => l.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Value = g.Sum(l => l.EstimatedValue ?? 0m) })
            .ToListAsync(ct);

        // One bounded query per column keeps a 2,000-lead board cheap to load and to render.
        var cards = new List<LeadCard>();
        foreach (var status in OpenStatuses)
        {
            cards.AddRange(await Project(leads.Where(l => l.Status == status)
                .OrderBy(l => l.EventDate == null).ThenBy(l => l.EventDate).ThenByDescending(l => l.CreatedAt)
                .Take(filter.ColumnLimit)).ToListAsync(ct));
        }
        foreach (var status in new[] { LeadStatus.Booked, LeadStatus.Lost })
        {
            cards.AddRange(await Project(leads.Where(l => l.Status == status).OrderByDescending(l => l.StatusChangedAt).Take(filter.ColumnLimit)).ToListAsync(ct));
        }
        cards = await WithNamesAsync(cards, ct);

        var columns = Enum.GetValues<LeadStatus>().Select(status =>
        {
            var inColumn = cards.Where(c => c.Status == status)
                .OrderBy(c => c.EventDate is null)
                .ThenBy(c => c.EventDate)
                .ThenByDescending(c => c.CreatedAt)
                .ToList();
            var total = totals.FirstOrDefault(t => t.Status == status);
            return new BoardColumn(status, inColumn, total?.Count ?? 0, total?.Value ?? 0m);
        }).ToList();
        return new LeadBoard(columns, Today());
    }

    // Contact names come from the contacts service in one batch per list (no join across features, no N+1).
    private static IQueryable<LeadCard> Project(IQueryable<Lead> leads) =>
        leads.Select(l => new LeadCard(l.Id, l.ContactId, "", l.Source, l.Status, l.EventDate, l.GuestCount, l.Occasion, l.EstimatedValue, l.CreatedAt));

    private async Task<List<LeadCard>> WithNamesAsync(List<LeadCard> cards, CancellationToken ct)
    {
        var names = await contacts.GetSummariesAsync(cards.Select(c => c.ContactId), ct);
        return cards.Select(c => c with { ContactName = names.GetValueOrDefault(c.ContactId)?.Name ?? "" }).ToList();
    }

}
