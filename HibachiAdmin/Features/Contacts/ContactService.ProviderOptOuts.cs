using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Contacts;

public sealed partial class ContactService
{
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
