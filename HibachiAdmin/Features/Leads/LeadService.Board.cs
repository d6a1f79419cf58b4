using HibachiAdmin.Common;
using HibachiAdmin.Features.Leads.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Leads;

public sealed partial class LeadService
{
    public const int MaxGuests = ILeadService.MaxGuests;

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

    /// <summary>API/page create: validated; refuses a second open lead for the same contact (409 naming the open one).</summary>
    public async Task<LeadWriteResult> CreateAsync(NewLead input, LeadStatus status, string? lostReason, Actor actor, CancellationToken ct)
    {
        var errors = ValidateFields(input.GuestCount, input.EstimatedValue, status, lostReason, input.Notes);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await contacts.ExistsAsync(input.ContactId, ct))
        {
            errors["contactId"] = ["No contact has this id."];
        }
        if (errors.Count > 0)
        {
            return new LeadWriteResult(null, errors);
        }
        var isOpen = OpenStatuses.Contains(status);
        if (isOpen && await OpenLeads(db, input.ContactId).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct) is { } existing)
        {
            return new LeadWriteResult(null, Conflict: $"This contact already has an open lead ({existing}); update that one instead.", ExistingLeadId: existing);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var lead = new Lead
        {
            ContactId = input.ContactId,
            Source = input.Source,
            Status = status,
            LostReason = status == LeadStatus.Lost ? lostReason!.Trim() : null,
            EventDate = input.EventDate,
            GuestCount = input.GuestCount,
            Zip = Trim(input.Zip),
            Location = Trim(input.Location),
            Occasion = Trim(input.Occasion),
            EstimatedValue = input.EstimatedValue,
            Notes = Trim(input.Notes),
            ThreadId = input.ThreadId,
            CallId = input.CallId,
            QrCodeId = input.QrCodeId,
            CampaignId = input.CampaignId,
            MessageId = input.MessageId,
            CreatedAt = now,
            UpdatedAt = now,
            StatusChangedAt = now,
        };
        db.Add(lead);
        db.Add(new LeadStatusChange { LeadId = lead.Id, To = status, ChangedBy = actor.Name, At = now, Reason = status == LeadStatus.Lost ? lead.LostReason : $"via {input.Source.Label()}" });
        events.Publish(db, LeadEvents.Created, lead.Id, new LeadCreated(lead.Id, lead.ContactId, lead.Source, actor.Name));
        await db.SaveChangesAsync(ct);
        changes.Publish();
        return new LeadWriteResult(await GetDtoAsync(lead.Id, ct));
    }

    public async Task<LeadWriteResult> UpdateAsync(Guid id, LeadPatch patch, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lead = await db.Set<Lead>().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (lead is null)
        {
            return new LeadWriteResult(null, NotFound: true);
        }
        var newStatus = patch.Status.Set ? patch.Status.Value : lead.Status;
        var errors = new Dictionary<string, string[]>();
        if (patch.Status.Set && patch.Status.Value is null)
        {
            errors["status"] = ["status cannot be null."];
        }
        if (patch.Source.Set && patch.Source.Value is null)
        {
            errors["source"] = ["source cannot be null."];
        }
        var reason = patch.LostReason.Set ? patch.LostReason.Value : lead.LostReason;
        foreach (var (k, v) in ValidateFields(patch.GuestCount.Set ? patch.GuestCount.Value : null, patch.EstimatedValue.Set ? patch.EstimatedValue.Value : null,
                     newStatus ?? lead.Status, newStatus == LeadStatus.Lost && lead.Status != LeadStatus.Lost ? (patch.LostReason.Set ? patch.LostReason.Value : null) : reason,
                     patch.Notes.Set ? patch.Notes.Value : null))
        {
            errors[k] = v;
        }
        if (errors.Count > 0)
        {
            return new LeadWriteResult(null, errors);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (newStatus is { } s && s != lead.Status)
        {
            var (moved, other) = await MoveAsync(db, lead, s, s == LeadStatus.Lost ? Trim(reason) : null, actor, ct);
            if (moved == LeadChangeResult.Conflict)
            {
                return new LeadWriteResult(null, Conflict: $"This contact already has another open lead ({other}).", ExistingLeadId: other);
            }
        }
        lead.LostReason = lead.Status == LeadStatus.Lost ? Trim(reason) : null;
        if (patch.Source.Set && patch.Source.Value is { } source)
        {
            lead.Source = source;
        }
        if (patch.EventDate.Set)
        {
            lead.EventDate = patch.EventDate.Value;
        }
        if (patch.GuestCount.Set)
        {
            lead.GuestCount = patch.GuestCount.Value;
        }
        if (patch.Zip.Set)
        {
            lead.Zip = Trim(patch.Zip.Value);
        }
        if (patch.Location.Set)
        {
            lead.Location = Trim(patch.Location.Value);
        }
        if (patch.Occasion.Set)
        {
            lead.Occasion = Trim(patch.Occasion.Value);
        }
        if (patch.EstimatedValue.Set)
        {
            lead.EstimatedValue = patch.EstimatedValue.Value;
        }
        if (patch.Notes.Set)
        {
            lead.Notes = Trim(patch.Notes.Value);
        }
        lead.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        changes.Publish();
        return new LeadWriteResult(await GetDtoAsync(id, ct));
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

    private static Dictionary<string, string[]> ValidateFields(int? guests, decimal? value, LeadStatus status, string? lostReason, string? notes)
    {
        var errors = new Dictionary<string, string[]>();
        if (guests is < 1 or > MaxGuests)
        {
            errors["guestCount"] = [$"guestCount must be between 1 and {MaxGuests}."];
        }
        Money.Validate(errors, "estimatedValue", value, Money.MaxAmount);
        if (status == LeadStatus.Lost && string.IsNullOrWhiteSpace(lostReason))
        {
            errors["lostReason"] = ["A lost lead needs a reason (e.g. price, date taken, went with another caterer)."];
        }
        Validation.MaxLength(errors, "notes", notes, Lead.MaxNotes);
        Validation.MaxLength(errors, "lostReason", lostReason, Lead.MaxLostReason);
        return errors;
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

    // Contact names come from the contacts service in one batch per list (no join across features, no N+1).
    private static IQueryable<LeadCard> Project(IQueryable<Lead> leads) =>
        leads.Select(l => new LeadCard(l.Id, l.ContactId, "", l.Source, l.Status, l.EventDate, l.GuestCount, l.Occasion, l.EstimatedValue, l.CreatedAt));

    private static IQueryable<LeadDto> ProjectDto(IQueryable<Lead> leads) =>
        leads.Select(l => new LeadDto(l.Id, l.ContactId, null, null, l.Source, l.Status, l.LostReason, l.EventDate, l.GuestCount,
            l.Zip, l.Location, l.Occasion, l.EstimatedValue, l.Notes, l.ThreadId, l.CallId, l.QrCodeId, l.CampaignId, l.CreatedAt, l.UpdatedAt, l.StatusChangedAt));

    private async Task<List<LeadCard>> WithNamesAsync(List<LeadCard> cards, CancellationToken ct)
    {
        var names = await contacts.GetSummariesAsync(cards.Select(c => c.ContactId), ct);
        return cards.Select(c => c with { ContactName = names.GetValueOrDefault(c.ContactId)?.Name ?? "" }).ToList();
    }

    private async Task<List<LeadDto>> WithContactsAsync(List<LeadDto> leads, CancellationToken ct)
    {
        var found = await contacts.GetSummariesAsync(leads.Select(l => l.ContactId), ct);
        return leads.Select(l => found.GetValueOrDefault(l.ContactId) is { } c ? l with { ContactName = c.Name, ContactPhone = c.Phone } : l).ToList();
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
