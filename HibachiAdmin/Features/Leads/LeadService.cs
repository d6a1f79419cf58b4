using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

using HibachiAdmin.Common;

namespace HibachiAdmin.Features.Leads;

/// <summary>
/// The leads feature's public service. Invariant kept here: a contact has at most one open lead
/// (status not Booked/Lost); new inquiries update that lead instead of making another. Every status
/// change (board drag, drawer, PATCH, booking saga) goes through <see cref="MoveAsync"/>.
/// </summary>
public sealed partial class LeadService(IDbContextFactory<AppDbContext> dbFactory, IContactService contacts, LeadChanges changes, Formats formats, HibachiAdmin.Infrastructure.Events.EventStore events, TimeProvider time) : ILeadService
{
    public async Task<Lead?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Lead>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
    }

    public async Task<Lead?> GetOpenLeadForContactAsync(Guid contactId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await OpenLeads(db, contactId).AsNoTracking().FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Creates a lead, or, when the contact already has an open lead, fills that lead's empty fields
    /// and missing attribution links from <paramref name="input"/>; its notes become an inquiry message
    /// (anything anyone sends never touches what staff wrote). Returns the lead and whether it is new.
    /// </summary>
    public async Task<(Guid LeadId, bool Created)> CreateOrUpdateOpenLeadAsync(NewLead input, Actor actor, CancellationToken ct)
    {
        input = FitToModel(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = await CreateOrUpdateOpenLeadAsync(db, input, actor, ct);
        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>
    /// As <see cref="CreateOrUpdateOpenLeadAsync(NewLead, Actor, CancellationToken)"/>, in the caller's
    /// unit of work (committed with the caller's other changes, e.g. an event handler's processed mark).
    /// Sees leads the same unit of work added earlier, so one batch never makes two open leads.
    /// </summary>
    public async Task<(Guid LeadId, bool Created)> CreateOrUpdateOpenLeadAsync(AppDbContext db, NewLead input, Actor actor, CancellationToken ct)
    {
        changes.PublishOnSave(db);
        var now = time.GetUtcNow().UtcDateTime;
        var key = $"open-lead:{input.ContactId}";
        if (!UnitOfWorkCache.TryGet<Lead>(db, key, out var open) || open is { IsOpen: false })
        {
            // Open in the database but closed earlier in this unit of work (tracked, not yet saved) is not open.
            open = (await OpenLeads(db, input.ContactId).ToListAsync(ct)).FirstOrDefault(l => l.IsOpen);
        }
        if (open is not null)
        {
            open.EventDate ??= input.EventDate;
            open.GuestCount ??= input.GuestCount;
            open.Zip ??= input.Zip;
            open.Location ??= input.Location;
            open.Occasion ??= input.Occasion;
            open.EstimatedValue ??= input.EstimatedValue;
            open.ThreadId ??= input.ThreadId;
            open.CallId ??= input.CallId;
            open.QrCodeId ??= input.QrCodeId;
            open.CampaignId ??= input.CampaignId;
            open.MessageId ??= input.MessageId;
            await AddInquiryAsync(db, open, input, now, ct);
            open.UpdatedAt = now;
            // Stryker disable once Statement : only saves the next call's query; a lead found by the query is tracked, so the query finds the same instance
            UnitOfWorkCache.Set(db, key, open);
            return (open.Id, false);
        }

        var lead = AddLead(db, input, LeadStatus.New, lostReason: null, notes: null, actor, createdByStaff: false, now);
        await AddInquiryAsync(db, lead, input, now, ct);
        UnitOfWorkCache.Set(db, key, lead);
        return (lead.Id, true);
    }

    /// <summary>
    /// Records what came in (<see cref="NewLead.Notes"/> of a text, call or form) as one of the lead's
    /// <see cref="LeadInquiry"/> messages, never in the staff's notes: once, cut to its own limit, and only
    /// the lead's newest <see cref="LeadInquiry.MaxPerLead"/> messages are kept.
    /// </summary>
    private static async Task AddInquiryAsync(AppDbContext db, Lead lead, NewLead input, DateTime now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Notes))
        {
            return;
        }
        var text = input.Notes.Trim();
        text = text[..Math.Min(text.Length, LeadInquiry.MaxText)];
        // The lead's messages oldest first: the saved ones once per unit of work (a lead it created has
        // none), then each one it adds, in order, so a batch keeps the newest too.
        var key = $"lead-inquiries:{lead.Id}";
        if (!UnitOfWorkCache.TryGet<List<LeadInquiry>>(db, key, out var kept) || kept is null)
        {
            kept = db.Entry(lead).State == EntityState.Added
                ? []
                : await db.Set<LeadInquiry>().Where(m => m.LeadId == lead.Id).OrderBy(m => m.At).ThenBy(m => m.Id).ToListAsync(ct);
            UnitOfWorkCache.Set(db, key, kept);
        }
        if (kept.Exists(m => m.Text == text))
        {
            return;
        }
        var inquiry = new LeadInquiry { LeadId = lead.Id, Source = input.Source, Text = text, At = now };
        db.Add(inquiry);
        kept.Add(inquiry);
        var over = kept.Count - LeadInquiry.MaxPerLead;
        if (over > 0)
        {
            db.RemoveRange(kept.Take(over));
            kept.RemoveRange(0, over);
        }
    }

    /// <summary>The lead's inquiry messages, newest first (the lead page lists them under the staff's notes).</summary>
    public async Task<IReadOnlyList<LeadInquiryView>> GetInquiriesAsync(Guid leadId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<LeadInquiry>().AsNoTracking().Where(m => m.LeadId == leadId)
            .OrderByDescending(m => m.At).ThenByDescending(m => m.Id)
            .Select(m => new LeadInquiryView(m.Source, m.Text, m.At)).ToListAsync(ct);
    }

    /// <summary>Moves a lead to a status and records the move (board drag, drawer). Lost needs a reason.</summary>
    public async Task<LeadChangeResult> ChangeStatusAsync(Guid leadId, LeadStatus to, string? reason, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = await ChangeStatusAsync(db, leadId, to, reason, actor, ct);
        if (result == LeadChangeResult.Changed)
        {
            await db.SaveChangesAsync(ct);
        }
        return result;
    }

    /// <summary>As above, in the caller's unit of work (e.g. the booking saga's handler).</summary>
    public async Task<LeadChangeResult> ChangeStatusAsync(AppDbContext db, Guid leadId, LeadStatus to, string? reason, Actor actor, CancellationToken ct)
    {
        // Tracked first (also one added earlier in this unit of work), else from the database.
        var lead = await db.Set<Lead>().FindAsync([leadId], ct);
        if (lead is null)
        {
            return LeadChangeResult.NotFound;
        }
        var result = (await MoveAsync(db, lead, to, reason, actor, ct)).Result;
        if (result == LeadChangeResult.Changed)
        {
            // Open boards show the move once it commits (the booking saga's move to Booked included).
            changes.PublishOnSave(db);
        }
        return result;
    }

    /// <summary>
    /// The one place a lead's status changes: Lost needs a reason; reopening a closed lead must not
    /// give the contact a second open lead; every move is recorded.
    /// </summary>
    private async Task<(LeadChangeResult Result, Guid? OtherOpenLead)> MoveAsync(AppDbContext db, Lead lead, LeadStatus to, string? reason, Actor actor, CancellationToken ct)
    {
        if (to == LeadStatus.Lost && string.IsNullOrWhiteSpace(reason))
        {
            return (LeadChangeResult.Invalid, null);
        }
        if (lead.Status == to)
        {
            return (LeadChangeResult.Unchanged, null);
        }
        if (!lead.IsOpen && to is not (LeadStatus.Booked or LeadStatus.Lost) && await OtherOpenLeadAsync(db, lead, ct) is { } other)
        {
            return (LeadChangeResult.Conflict, other);
        }
        var now = time.GetUtcNow().UtcDateTime;
        db.Add(new LeadStatusChange { LeadId = lead.Id, From = lead.Status, To = to, Reason = reason?.Trim(), ChangedBy = actor.Name, At = now });
        lead.Status = to;
        lead.LostReason = to == LeadStatus.Lost ? reason!.Trim() : null;
        lead.StatusChangedAt = now;
        lead.UpdatedAt = now;
        return (LeadChangeResult.Changed, null);
    }

    /// <summary>The contact's other open lead: one opened earlier in this unit of work (not saved yet) first, else the database's.</summary>
    private static async Task<Guid?> OtherOpenLeadAsync(AppDbContext db, Lead lead, CancellationToken ct)
    {
        var tracked = db.Set<Lead>().Local.FirstOrDefault(l => l.ContactId == lead.ContactId && l.Id != lead.Id && l.IsOpen);
        if (tracked is not null)
        {
            return tracked.Id;
        }
        return await OpenLeads(db, lead.ContactId).Where(l => l.Id != lead.Id).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<LeadStatusChange>> GetHistoryAsync(Guid leadId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<LeadStatusChange>().AsNoTracking()
            .Where(c => c.LeadId == leadId).OrderBy(c => c.At).ThenBy(c => c.Id).ToListAsync(ct);
    }

    private static IQueryable<Lead> OpenLeads(AppDbContext db, Guid contactId) =>
        db.Set<Lead>().Where(l => l.ContactId == contactId && l.Status != LeadStatus.Booked && l.Status != LeadStatus.Lost)
            .OrderByDescending(l => l.CreatedAt);

    /// <summary>
    /// Inferred leads (from texts, calls, forms) keep what fits the model: long text is cut to its
    /// limit, an amount outside the money bounds or a guest count out of range is dropped.
    /// </summary>
    internal static NewLead FitToModel(NewLead input)
    {
        static string? Cut(string? text, int max) => text?[..Math.Min(text.Length, max)];
        var value = input.EstimatedValue is { } v && v >= 0 && v <= Money.MaxAmount ? decimal.Round(v, 2) : (decimal?)null;
        return input with
        {
            Zip = Cut(input.Zip, Lead.MaxZip),
            Location = Cut(input.Location, Lead.MaxLocation),
            Occasion = Cut(input.Occasion, Lead.MaxOccasion),
            Notes = Cut(input.Notes, Lead.MaxNotes),
            EstimatedValue = value,
            GuestCount = input.GuestCount is >= 1 and <= MaxGuests ? input.GuestCount : null,
        };
    }

    /// <summary>
    /// The one way a lead comes to be, by staff or from a text, call or form: the row (text fields trimmed, blank as
    /// none), its first history line and <see cref="LeadCreated"/>, all in <paramref name="db"/>'s unit of work.
    /// </summary>
    private Lead AddLead(AppDbContext db, NewLead input, LeadStatus status, string? lostReason, string? notes, Actor actor, bool createdByStaff, DateTime now)
    {
        var lead = new Lead
        {
            ContactId = input.ContactId,
            Source = input.Source,
            Status = status,
            LostReason = lostReason,
            EventDate = input.EventDate,
            GuestCount = input.GuestCount,
            Zip = Trim(input.Zip),
            Location = Trim(input.Location),
            Occasion = Trim(input.Occasion),
            EstimatedValue = input.EstimatedValue,
            Notes = notes,
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
        db.Add(new LeadStatusChange { LeadId = lead.Id, To = status, ChangedBy = actor.Name, At = now, Reason = lostReason ?? $"via {input.Source.Label()}" });
        events.Publish(db, LeadEvents.Created, lead.Id, new LeadCreated(lead.Id, lead.ContactId, lead.Source, createdByStaff ? actor.Name : null));
        return lead;
    }
}
