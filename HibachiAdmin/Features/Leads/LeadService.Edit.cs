using HibachiAdmin.Common;
using HibachiAdmin.Features.Leads.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Leads;

/// <summary>Staff creating and editing a lead by hand (the API and the lead page); fields validated, history written.</summary>
public sealed partial class LeadService
{
    public const int MaxGuests = ILeadService.MaxGuests;

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
        var lead = AddLead(db, input, status, status == LeadStatus.Lost ? lostReason!.Trim() : null, Trim(input.Notes), actor, createdByStaff: true, now);
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

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
