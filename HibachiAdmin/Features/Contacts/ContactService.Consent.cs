using HibachiAdmin.Common;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Contacts;

/// <summary>
/// Consent: the only code that writes a contact's SMS consent and its ledger. A person's keyword, staff's recorded
/// request, RingCentral's opt-out list; what the person said last wins, and only the person opts in (ConsentPolicy).
/// </summary>
public sealed partial class ContactService
{
    public const string KeywordSource = "sms-keyword";

    /// <summary>The ledger source of a consent that ended because staff changed the contact's number.</summary>
    public const string NumberChangedSource = "number-changed";

    /// <summary>
    /// Applies an opt-out/opt-in keyword in the caller's unit of work, in the texts' own order: a
    /// keyword older (provider time) than the contact's last consent change does not override it and
    /// is recorded as evidence. An opt-in is held to that against any change; an opt-out only against
    /// a newer keyword from the person (a staff or import change stamped later does not undo a STOP
    /// the person sent before it).
    /// </summary>
    public async Task<KeywordConsentOutcome> ApplyKeywordAsync(AppDbContext db, Guid contactId, SmsConsent to, DateTime sentAt, string evidence, CancellationToken ct)
    {
        // Stryker disable once Logical : the id: key is only ever stored with a contact (Remember), so a hit never holds null and "||" → "&&" cannot differ
        if (!UnitOfWorkCache.TryGet<Contact>(db, $"id:{contactId}", out var contact) || contact is null)
        {
            contact = await db.Set<Contact>().FirstOrDefaultAsync(c => c.Id == contactId, ct)
                      ?? throw new InvalidOperationException($"Contact {contactId} does not exist.");
        }
        if (contact.SmsConsent == to)
        {
            return KeywordConsentOutcome.Unchanged;
        }
        var newerChange = contact.SmsConsentChangedAt is { } changed && changed > sentAt;
        var superseded = to == SmsConsent.OptedOut ? newerChange && contact.SmsConsentSource == KeywordSource : newerChange;
        if (superseded)
        {
            db.Add(new ConsentLedgerEntry
            {
                ContactId = contact.Id, Phone = contact.Phone, From = contact.SmsConsent, To = contact.SmsConsent, Source = KeywordSource,
                Evidence = Truncate($"Not applied ({to} is older than the change at {contact.SmsConsentChangedAt:O}): {evidence}", 2000),
                ChangedBy = Actor.System.Name, At = sentAt,
            });
            return KeywordConsentOutcome.Superseded;
        }
        ApplyConsent(db, contact, new ConsentChange(to, KeywordSource, evidence), Actor.System, sentAt);
        return KeywordConsentOutcome.Applied;
    }

    /// <summary>
    /// Records an opt-out or a withdrawal asked for by someone other than the person's phone (staff, a
    /// call, a provider's list), with its ledger row, in one transaction. No-op when unchanged. An opt-in
    /// is never recorded this way (<see cref="OptInRequestService"/> asks the person), and nothing here
    /// leaves <see cref="SmsConsent.OptedOut"/>: only the person's own keyword does.
    /// </summary>
    /// <returns>false when the contact does not exist.</returns>
    /// <exception cref="ArgumentException">An opt-in was asked for.</exception>
    /// <exception cref="InvalidOperationException">The person opted out and this would undo it.</exception>
    public async Task<bool> SetConsentAsync(Guid contactId, ConsentChange change, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.To is SmsConsent.OptedIn or SmsConsent.PendingConfirmation)
        {
            throw new ArgumentException("Only the person opts in: ask them with OptInRequestService (a confirmation text they answer YES to).", nameof(change));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Set<Contact>().FirstOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            return false;
        }
        var decision = ConsentPolicy.Decide(contact.SmsConsent, change.To);
        if (decision.Kind == ConsentDecisionKind.Refuse)
        {
            throw new InvalidOperationException(decision.Reason);
        }
        ApplyConsent(db, contact, change, actor, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// A consent change asked for by staff or the API, in the caller's unit of work: an opt-out or a
    /// withdrawal is recorded, an opt-in becomes a question to the person, leaving an opt-out is refused.
    /// </summary>
    /// <returns>The refusal's reason, or null.</returns>
    internal async Task<string?> ChangeConsentAsStaffAsync(AppDbContext db, Contact contact, ConsentChange change, Actor actor, DateTime now, CancellationToken ct)
    {
        var decision = ConsentPolicy.Decide(contact.SmsConsent, change.To);
        switch (decision.Kind)
        {
            case ConsentDecisionKind.Refuse:
                return decision.Reason;
            case ConsentDecisionKind.AskPerson:
                var outcome = await optIns.AskAsync(db, contact, new OptInAsk(change.Source, change.Evidence), actor, ct);
                return outcome == OptInAskOutcome.NoPhone ? "The contact has no phone number to confirm from." : null;
            case ConsentDecisionKind.Apply:
                ApplyConsent(db, contact, change, actor, now);
                return null;
            default:
                return null;
        }
    }

    /// <summary>For callers that already hold a tracked contact in their own unit of work.</summary>
    public static void ApplyConsent(AppDbContext db, Contact contact, ConsentChange change, Actor actor, DateTime now)
    {
        if (contact.SmsConsent == change.To)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(change.Source))
        {
            throw new ArgumentException("A consent change needs a source.", nameof(change));
        }
        // Stryker disable once Equality : "> 2000" → ">= 2000" only differs for a text of exactly 2000 characters, whose first 2000 are itself
        var evidence = change.Evidence is { Length: > 2000 } e ? e[..2000] : change.Evidence;
        db.Add(new ConsentLedgerEntry
        {
            ContactId = contact.Id,
            Phone = contact.Phone,
            From = contact.SmsConsent,
            To = change.To,
            Source = change.Source,
            Evidence = evidence,
            ChangedBy = actor.Name,
            At = now,
        });
        contact.SmsConsent = change.To;
        contact.SmsConsentChangedAt = now;
        contact.SmsConsentSource = change.Source;
        contact.UpdatedAt = now;
    }

    /// <summary>Opt-outs of these contacts recorded at or after <paramref name="sinceUtc"/> (campaign reports), one query per 500 contacts.</summary>
    public async Task<IReadOnlyList<(Guid ContactId, DateTime At, string Source)>> OptOutsSinceAsync(IReadOnlyCollection<Guid> contactIds, DateTime sinceUtc, CancellationToken ct)
    {
        var result = new List<(Guid, DateTime, string)>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var chunk in contactIds.Distinct().Chunk(500))
        {
            var rows = await db.Set<ConsentLedgerEntry>().AsNoTracking()
                .Where(e => chunk.Contains(e.ContactId) && e.To == SmsConsent.OptedOut && e.From != SmsConsent.OptedOut && e.At >= sinceUtc)
                .Select(e => new { e.ContactId, e.At, e.Source }).ToListAsync(ct);
            result.AddRange(rows.Select(r => (r.ContactId, r.At, r.Source)));
        }
        return result;
    }

    public async Task<IReadOnlyList<ConsentLedgerEntry>> GetConsentHistoryAsync(Guid contactId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ConsentLedgerEntry>().AsNoTracking()
            .Where(e => e.ContactId == contactId).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync(ct);
    }

    /// <summary>Ledger source of opt-outs RingCentral's opt-out service reported (its events and its list).</summary>
    public const string ProviderOptOutSource = "ringcentral-optout";

    /// <summary>
    /// Applies an opt-out from a provider's opt-out service (RingCentral High Volume: the person texted STOP to the campaign
    /// number, or a carrier blocked it) in the caller's unit of work, with its own source and the provider's time, ordered
    /// like every other change: only a newer keyword from the person holds it back. A provider's opt-in never opts anyone
    /// in here (it is kept as evidence): only the person's own keyword or a confirmed double opt-in does.
    /// </summary>
    public async Task<ProviderOptOutOutcome> ApplyProviderOptOutAsync(AppDbContext db, string e164, bool optedOut, DateTime atUtc, string evidence, CancellationToken ct)
    {
        var contact = db.Set<Contact>().Local.FirstOrDefault(c => c.Phone == e164) ?? await db.Set<Contact>().FirstOrDefaultAsync(c => c.Phone == e164, ct);
        if (contact is null)
        {
            return ProviderOptOutOutcome.NoContact;
        }
        if (!optedOut)
        {
            db.Add(new ConsentLedgerEntry
            {
                ContactId = contact.Id, Phone = contact.Phone, From = contact.SmsConsent, To = contact.SmsConsent, Source = ProviderOptOutSource,
                Evidence = Truncate($"Not applied (an opt-in comes only from the person's own text to us): {evidence}", Contact.MaxConsentEvidence),
                ChangedBy = Actor.System.Name, At = atUtc,
            });
            return ProviderOptOutOutcome.OptInNotApplied;
        }
        if (contact.SmsConsent == SmsConsent.OptedOut)
        {
            return ProviderOptOutOutcome.AlreadyOptedOut;
        }
        if (contact.SmsConsentChangedAt is { } changed && changed > atUtc && contact.SmsConsentSource == KeywordSource)
        {
            db.Add(new ConsentLedgerEntry
            {
                ContactId = contact.Id, Phone = contact.Phone, From = contact.SmsConsent, To = contact.SmsConsent, Source = ProviderOptOutSource,
                Evidence = Truncate($"Not applied (older than the person's own keyword at {changed:O}): {evidence}", Contact.MaxConsentEvidence),
                ChangedBy = Actor.System.Name, At = atUtc,
            });
            return ProviderOptOutOutcome.Superseded;
        }
        ApplyConsent(db, contact, new ConsentChange(SmsConsent.OptedOut, ProviderOptOutSource, evidence), Actor.System, atUtc);
        return ProviderOptOutOutcome.Applied;
    }

    /// <summary>The newest consent ledger row's id (0 when empty): where a reader of later changes starts.</summary>
    public async Task<long> LastLedgerIdAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ConsentLedgerEntry>().MaxAsync(e => (long?)e.Id, ct) ?? 0;
    }

    /// <summary>Opt-outs recorded in this app after ledger row <paramref name="afterId"/> (not those that came from the provider): to push to its list.</summary>
    public async Task<IReadOnlyList<(long Id, string Phone)>> OptOutsToPushAsync(long afterId, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<ConsentLedgerEntry>().AsNoTracking()
            .Where(e => e.Id > afterId && e.To == SmsConsent.OptedOut && e.From != SmsConsent.OptedOut && e.Source != ProviderOptOutSource && e.Phone != null)
            .OrderBy(e => e.Id).Take(take).Select(e => new { e.Id, e.Phone }).ToListAsync(ct);
        return [.. rows.Select(r => (r.Id, r.Phone!))];
    }
}
