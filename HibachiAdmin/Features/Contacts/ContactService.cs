using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Contacts;

public sealed record ConsentChange(SmsConsent To, string Source, string? Evidence);

/// <summary>
/// The contacts feature's public service. Other features (inbox, campaigns, bookings, calls) find
/// or create contacts and change consent only through here, so the ledger is always written.
/// </summary>
public sealed partial class ContactService(IDbContextFactory<AppDbContext> dbFactory, Phones phones, TimeProvider time)
{
    public async Task<Contact?> FindByPhoneAsync(string phone, CancellationToken ct)
    {
        var e164 = phones.ToE164(phone);
        if (e164 is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Contact>().AsNoTracking().Include(c => c.Tags).FirstOrDefaultAsync(c => c.Phone == e164, ct);
    }

    public async Task<Contact?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Contact>().AsNoTracking().Include(c => c.Tags).FirstOrDefaultAsync(c => c.Id == id, ct);
    }

    /// <summary>
    /// The contact for a number, created (consent None) when new. Safe under concurrency: a racing
    /// insert of the same number hits the unique index and the existing row is returned.
    /// </summary>
    /// <returns>null when the number is not valid.</returns>
    public async Task<(Contact Contact, bool Created)?> FindOrCreateByPhoneAsync(string phone, string? name, CancellationToken ct)
    {
        var parsed = phones.Parse(phone);
        if (parsed is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Set<Contact>().AsNoTracking().FirstOrDefaultAsync(c => c.Phone == parsed.E164, ct);
        if (existing is not null)
        {
            return (existing, false);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var contact = new Contact
        {
            Name = string.IsNullOrWhiteSpace(name) ? Phones.Display(parsed.E164) : name.Trim(),
            Phone = parsed.E164,
            TimeZones = parsed.TimeZones.Count > 0 ? string.Join(',', parsed.TimeZones) : null,
            State = UsAreaCodes.StateFor(parsed.E164),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(contact);
        try
        {
            await db.SaveChangesAsync(ct);
            return (contact, true);
        }
        catch (DbUpdateException)
        {
            await using var again = await dbFactory.CreateDbContextAsync(ct);
            var raced = await again.Set<Contact>().AsNoTracking().FirstOrDefaultAsync(c => c.Phone == parsed.E164, ct);
            if (raced is null)
            {
                throw;
            }
            return (raced, false);
        }
    }

    /// <summary>Changes consent and appends the ledger row in one transaction. No-op when unchanged.</summary>
    /// <returns>false when the contact does not exist.</returns>
    public async Task<bool> SetConsentAsync(Guid contactId, ConsentChange change, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Set<Contact>().FirstOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            return false;
        }
        ApplyConsent(db, contact, change, actor, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
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
        db.Add(new ConsentLedgerEntry
        {
            ContactId = contact.Id,
            Phone = contact.Phone,
            From = contact.SmsConsent,
            To = change.To,
            Source = change.Source,
            Evidence = change.Evidence is { Length: > 2000 } e ? e[..2000] : change.Evidence,
            ChangedBy = actor.Name,
            At = now,
        });
        contact.SmsConsent = change.To;
        contact.SmsConsentChangedAt = now;
        contact.UpdatedAt = now;
    }

    public async Task<IReadOnlyList<ConsentLedgerEntry>> GetConsentHistoryAsync(Guid contactId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ConsentLedgerEntry>().AsNoTracking()
            .Where(e => e.ContactId == contactId).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync(ct);
    }
}
