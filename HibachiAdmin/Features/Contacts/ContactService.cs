using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Contacts;

/// <summary>
/// The contacts feature's public service. Other features (inbox, campaigns, bookings, calls) find
/// or create contacts and change consent only through here, so the ledger is always written.
/// </summary>
public sealed partial class ContactService(IDbContextFactory<AppDbContext> dbFactory, Phones phones, OptInRequestService optIns, TimeProvider time) : IContactService
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
        var contact = NewContact(parsed, name);
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

    public async Task<IReadOnlyDictionary<Guid, ContactSummary>> GetSummariesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<Guid, ContactSummary>();
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = new Dictionary<Guid, ContactSummary>(wanted.Count);
        // Chunked so a long list never exceeds a provider's parameter limit.
        foreach (var chunk in wanted.Chunk(500))
        {
            foreach (var s in await db.Set<Contact>().AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(Summary).ToListAsync(ct))
            {
                result[s.Id] = s;
            }
        }
        return result;
    }

    /// <summary>
    /// A campaign audience: contacts with any of <paramref name="includeTags"/> (or everyone when none
    /// is given and no ids are), plus the listed contacts, minus anyone with an excluded tag. One query.
    /// </summary>
    public async Task<IReadOnlyList<ContactSummary>> GetAudienceAsync(IReadOnlyCollection<string> includeTags, IReadOnlyCollection<string> excludeTags, IReadOnlyCollection<Guid> contactIds, CancellationToken ct)
    {
        var include = includeTags.Select(NormalizeTag).Where(t => t.Length > 0).Distinct().ToList();
        var exclude = excludeTags.Select(NormalizeTag).Where(t => t.Length > 0).Distinct().ToList();
        var ids = contactIds.Distinct().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contacts = db.Set<Contact>().AsNoTracking();
        if (include.Count > 0 && ids.Count > 0)
        {
            contacts = contacts.Where(c => ids.Contains(c.Id) || db.Set<ContactTag>().Any(t => t.ContactId == c.Id && include.Contains(t.Tag)));
        }
        else if (include.Count > 0)
        {
            contacts = contacts.Where(c => db.Set<ContactTag>().Any(t => t.ContactId == c.Id && include.Contains(t.Tag)));
        }
        else if (ids.Count > 0)
        {
            contacts = contacts.Where(c => ids.Contains(c.Id));
        }
        if (exclude.Count > 0)
        {
            contacts = contacts.Where(c => !db.Set<ContactTag>().Any(t => t.ContactId == c.Id && exclude.Contains(t.Tag)));
        }
        // Ordered in memory: ids are time-ordered (version 7), and sorting 50,000 summaries here is cheaper than in the query.
        var audience = await contacts.Select(Summary).ToListAsync(ct);
        audience.Sort((a, b) => a.Id.CompareTo(b.Id));
        return audience;
    }

    private static string NormalizeTag(string tag) => tag.Trim().ToLowerInvariant();

    public async Task<ContactSummary?> GetSummaryAsync(Guid id, CancellationToken ct) =>
        (await GetSummariesAsync([id], ct)).GetValueOrDefault(id);

    /// <summary>Contacts by E.164 number, one query per 500 numbers (a batch of texts reads consent at once).</summary>
    public async Task<IReadOnlyDictionary<string, ContactSummary>> GetSummariesByPhonesAsync(IEnumerable<string> e164Numbers, CancellationToken ct)
    {
        var result = new Dictionary<string, ContactSummary>(StringComparer.Ordinal);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var chunk in e164Numbers.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            foreach (var s in await db.Set<Contact>().AsNoTracking().Where(c => chunk.Contains(c.Phone!)).Select(Summary).ToListAsync(ct))
            {
                result[s.Phone!] = s;
            }
        }
        return result;
    }

    /// <returns>null when the number is invalid or nobody has it.</returns>
    public async Task<ContactSummary?> GetSummaryByPhoneAsync(string phone, CancellationToken ct)
    {
        var e164 = phones.ToE164(phone);
        if (e164 is null)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Contact>().AsNoTracking().Where(c => c.Phone == e164).Select(Summary).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Marks the contact with this number as unable to receive texts, in the caller's unit of work (the
    /// receipt that reported it commits with it). Marketing skips such numbers until the number changes.
    /// </summary>
    /// <returns>true when a contact was marked now (false: nobody has the number, or it was marked already).</returns>
    public async Task<bool> MarkNumberInvalidAsync(AppDbContext db, string e164, string reason, DateTime atUtc, CancellationToken ct)
    {
        var contact = db.Set<Contact>().Local.FirstOrDefault(c => c.Phone == e164)
                      ?? await db.Set<Contact>().FirstOrDefaultAsync(c => c.Phone == e164, ct);
        if (contact is null || contact.PhoneInvalidAt is not null)
        {
            return false;
        }
        contact.PhoneInvalidAt = atUtc;
        contact.PhoneInvalidReason = reason.Length > 200 ? reason[..200] : reason;
        contact.UpdatedAt = atUtc;
        return true;
    }

    public async Task<bool> ExistsAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Contact>().AnyAsync(c => c.Id == id, ct);
    }

    private static readonly System.Linq.Expressions.Expression<Func<Contact, ContactSummary>> Summary =
        c => new ContactSummary(c.Id, c.Name, c.Phone, c.Email, c.SmsConsent, c.State, c.TimeZones, c.PhoneInvalidAt != null);

    private static ContactSummary ToSummary(Contact c) => new(c.Id, c.Name, c.Phone, c.Email, c.SmsConsent, c.State, c.TimeZones, c.PhoneInvalidAt != null);

    /// <summary>
    /// The contact for a number in the caller's unit of work (created, consent None, when new), so a
    /// processing step that fails rolls the new contact back with everything else. Sees contacts the
    /// same unit of work added earlier (two texts from a new number in one batch make one contact).
    /// </summary>
    /// <returns>null when the number is not valid.</returns>
    public async Task<(ContactSummary Contact, bool Created)?> FindOrCreateByPhoneAsync(AppDbContext db, string phone, string? name, CancellationToken ct)
    {
        var parsed = phones.Parse(phone);
        if (parsed is null)
        {
            return null;
        }
        if (!UnitOfWorkCache.TryGet<Contact>(db, PhoneKey(parsed.E164), out var contact))
        {
            contact = await db.Set<Contact>().FirstOrDefaultAsync(c => c.Phone == parsed.E164, ct);
            Remember(db, parsed.E164, contact);
        }
        if (contact is not null)
        {
            return (ToSummary(contact), false);
        }
        contact = NewContact(parsed, name);
        db.Add(contact);
        Remember(db, parsed.E164, contact);
        return (ToSummary(contact), true);
    }

    /// <summary>Loads, in one query, the contacts a batch is about to ask for by number (see <see cref="UnitOfWorkCache"/>).</summary>
    public async Task PreloadByPhonesAsync(AppDbContext db, IEnumerable<string> numbers, CancellationToken ct)
    {
        var wanted = numbers.Select(phones.ToE164).OfType<string>().Distinct()
            .Where(p => !UnitOfWorkCache.TryGet<Contact>(db, PhoneKey(p), out _)).ToList();
        foreach (var chunk in wanted.Chunk(500))
        {
            var found = await db.Set<Contact>().Where(c => chunk.Contains(c.Phone!)).ToDictionaryAsync(c => c.Phone!, ct);
            foreach (var phone in chunk)
            {
                Remember(db, phone, found.GetValueOrDefault(phone));
            }
        }
    }

    private static string PhoneKey(string e164) => $"phone:{e164}";

    private static void Remember(AppDbContext db, string e164, Contact? contact)
    {
        UnitOfWorkCache.Set(db, PhoneKey(e164), contact);
        if (contact is not null)
        {
            UnitOfWorkCache.Set(db, $"id:{contact.Id}", contact);
        }
    }

    private static string Truncate(string text, int max) => text.Length > max ? text[..max] : text;

    private Contact NewContact(ParsedPhone parsed, string? name)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var trimmed = PersonNames.Clean(name);
        return new Contact
        {
            Name = trimmed.Length == 0 ? Phones.Display(parsed.E164) : trimmed.Length > 200 ? trimmed[..200] : trimmed,
            Phone = parsed.E164,
            TimeZones = parsed.TimeZones.Count > 0 ? string.Join(',', parsed.TimeZones) : null,
            State = parsed.State,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

}
