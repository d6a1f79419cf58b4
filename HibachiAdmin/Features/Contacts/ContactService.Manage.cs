using System.Net.Mail;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Contacts;

public sealed partial class ContactService
{
    public const int MaxTags = 20;

    public async Task<PagedResult<ContactDto>> SearchAsync(ContactQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var filtered = Filter(db.Set<Contact>().AsNoTracking(), query);
        var total = await filtered.CountAsync(ct);
        var sorted = (query.SortBy?.ToLowerInvariant(), query.Descending) switch
        {
            ("phone", false) => filtered.OrderBy(c => c.Phone),
            ("phone", true) => filtered.OrderByDescending(c => c.Phone),
            ("createdat", false) => filtered.OrderBy(c => c.CreatedAt),
            ("createdat", true) => filtered.OrderByDescending(c => c.CreatedAt),
            ("smsconsent", false) => filtered.OrderBy(c => c.SmsConsent),
            ("smsconsent", true) => filtered.OrderByDescending(c => c.SmsConsent),
            (_, true) => filtered.OrderByDescending(c => c.Name),
            _ => filtered.OrderBy(c => c.Name),
        };
        var rows = await sorted.ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.Take)
            .Include(c => c.Tags).AsSplitQuery().ToListAsync(ct);
        return new PagedResult<ContactDto>(rows.Select(ToDto).ToList(), total);
    }

    /// <summary>Every contact matching the filter, streamed for CSV export.</summary>
    public async IAsyncEnumerable<ContactDto> ExportAsync(ContactQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        const int batch = 500;
        for (var skip = 0; ; skip += batch)
        {
            var rows = await Filter(db.Set<Contact>().AsNoTracking(), query).OrderBy(c => c.Name).ThenBy(c => c.Id)
                .Skip(skip).Take(batch).Include(c => c.Tags).AsSplitQuery().ToListAsync(ct);
            foreach (var row in rows)
            {
                yield return ToDto(row);
            }
            if (rows.Count < batch)
            {
                yield break;
            }
        }
    }

    public async Task<IReadOnlyList<string>> GetAllTagsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ContactTag>().AsNoTracking().Select(t => t.Tag).Distinct().OrderBy(t => t).ToListAsync(ct);
    }

    public async Task<ContactDto?> GetDtoAsync(Guid id, CancellationToken ct)
    {
        var contact = await GetAsync(id, ct);
        return contact is null ? null : ToDto(contact);
    }

    public async Task<ContactWriteResult> CreateAsync(CreateContactRequest request, Actor actor, CancellationToken ct)
    {
        var errors = Validation.Validate(request) ?? [];
        var name = PersonNames.Clean(request.Name);
        if (name.Length == 0)
        {
            errors.TryAdd("name", ["This value is required."]);
        }
        var parsed = phones.Parse(request.Phone);
        if (parsed is null && !errors.ContainsKey("phone"))
        {
            errors["phone"] = [InvalidPhoneMessage(request.Phone)];
        }
        ValidateCommon(errors, request.Email, request.State, request.Tags, request.SmsConsent, request.ConsentSource, consentPresent: request.SmsConsent is not null);
        if (errors.Count > 0)
        {
            return new ContactWriteResult(null, errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Set<Contact>().AnyAsync(c => c.Phone == parsed!.E164, ct))
        {
            return new ContactWriteResult(null, Conflict: $"A contact with phone {parsed!.E164} already exists.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var contact = new Contact
        {
            Name = name,
            Phone = parsed!.E164,
            Email = Blank(request.Email),
            State = Blank(request.State)?.ToUpperInvariant() ?? parsed.State,
            Zip = Blank(request.Zip),
            TimeZones = parsed.TimeZones.Count > 0 ? string.Join(',', parsed.TimeZones) : null,
            InstagramHandle = Blank(request.InstagramHandle)?.TrimStart('@'),
            FacebookHandle = Blank(request.FacebookHandle),
            Tags = NormalizeTags(request.Tags).Select(t => new ContactTag { Tag = t }).ToList(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(contact);
        if (request.SmsConsent is { } consent && consent != SmsConsent.None)
        {
            // An opt-in from staff or a script is a question to the person (pendingConfirmation), never consent.
            if (await ChangeConsentAsStaffAsync(db, contact, new ConsentChange(consent, request.ConsentSource!.Trim(), Blank(request.ConsentEvidence)), actor, now, ct) is { } refused)
            {
                return new ContactWriteResult(null, ConsentRefused: refused);
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (await PhoneTakenAsync(parsed.E164, ct))
            {
                return new ContactWriteResult(null, Conflict: $"A contact with phone {parsed.E164} already exists.");
            }
            throw;
        }
        return new ContactWriteResult(ToDto(contact));
    }

    public async Task<ContactWriteResult> UpdateAsync(Guid id, ContactPatch patch, Actor actor, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        ParsedPhone? parsed = null;
        var name = PersonNames.Clean(patch.Name.Value);
        if (patch.Name.HasValue && name.Length == 0)
        {
            errors["name"] = ["Name is required."];
        }
        else if (patch.Name.HasValue && name.Length > 200)
        {
            errors["name"] = ["Name is at most 200 characters."];
        }
        if (patch.Phone.HasValue)
        {
            parsed = phones.Parse(patch.Phone.Value);
            if (parsed is null)
            {
                errors["phone"] = [InvalidPhoneMessage(patch.Phone.Value)];
            }
        }
        ValidateCommon(errors,
            patch.Email.HasValue ? patch.Email.Value : null,
            patch.State.HasValue ? patch.State.Value : null,
            patch.Tags.HasValue ? patch.Tags.Value : null,
            patch.SmsConsent.HasValue ? patch.SmsConsent.Value : null,
            patch.ConsentSource.HasValue ? patch.ConsentSource.Value : null,
            consentPresent: patch.SmsConsent.HasValue);
        if (patch.SmsConsent.HasValue && patch.SmsConsent.Value is null)
        {
            errors["smsConsent"] = ["smsConsent must be none, optedIn (asks the person to confirm), pendingConfirmation or optedOut."];
        }
        if (errors.Count > 0)
        {
            return new ContactWriteResult(null, errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contact = await db.Set<Contact>().Include(c => c.Tags).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null)
        {
            return new ContactWriteResult(null, NotFound: true);
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (parsed is not null && parsed.E164 != contact.Phone)
        {
            if (await db.Set<Contact>().AnyAsync(c => c.Phone == parsed.E164 && c.Id != id, ct))
            {
                return new ContactWriteResult(null, Conflict: $"A contact with phone {parsed.E164} already exists.");
            }
            // Consent belongs to the number that gave it: a new number has not said yes and was not asked, so an
            // opt-in (or a pending question) ends with the old number. A STOP stays: only the person undoes it.
            if (contact.SmsConsent is SmsConsent.OptedIn or SmsConsent.PendingConfirmation)
            {
                ApplyConsent(db, contact, new ConsentChange(SmsConsent.None, NumberChangedSource, $"Number changed from {contact.Phone} to {parsed.E164}."), actor, now);
            }
            contact.Phone = parsed.E164;
            contact.TimeZones = parsed.TimeZones.Count > 0 ? string.Join(',', parsed.TimeZones) : null;
            // A new number has not been reported unreachable.
            contact.PhoneInvalidAt = null;
            contact.PhoneInvalidReason = null;
            if (!patch.State.HasValue)
            {
                contact.State = parsed.State ?? contact.State;
            }
        }
        if (patch.Name.HasValue)
        {
            contact.Name = name;
        }
        if (patch.Email.HasValue)
        {
            contact.Email = Blank(patch.Email.Value);
        }
        if (patch.State.HasValue)
        {
            contact.State = Blank(patch.State.Value)?.ToUpperInvariant() ?? phones.Parse(contact.Phone)?.State;
        }
        if (patch.Zip.HasValue)
        {
            contact.Zip = Blank(patch.Zip.Value);
        }
        if (patch.InstagramHandle.HasValue)
        {
            contact.InstagramHandle = Blank(patch.InstagramHandle.Value)?.TrimStart('@');
        }
        if (patch.FacebookHandle.HasValue)
        {
            contact.FacebookHandle = Blank(patch.FacebookHandle.Value);
        }
        if (patch.Tags.HasValue)
        {
            var wanted = NormalizeTags(patch.Tags.Value);
            contact.Tags.RemoveAll(t => !wanted.Contains(t.Tag));
            foreach (var tag in wanted.Where(w => contact.Tags.All(t => t.Tag != w)))
            {
                contact.Tags.Add(new ContactTag { ContactId = contact.Id, Tag = tag });
            }
        }
        if (patch.SmsConsent.HasValue)
        {
            var change = new ConsentChange(patch.SmsConsent.Value!.Value, patch.ConsentSource.Value!.Trim(),
                patch.ConsentEvidence.HasValue ? Blank(patch.ConsentEvidence.Value) : null);
            // Refused before anything is saved: the whole patch is refused, nothing half-stored.
            if (await ChangeConsentAsStaffAsync(db, contact, change, actor, now, ct) is { } refused)
            {
                return new ContactWriteResult(null, ConsentRefused: refused);
            }
        }
        contact.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (parsed is not null && await PhoneTakenAsync(parsed.E164, ct, exceptId: id))
            {
                return new ContactWriteResult(null, Conflict: $"A contact with phone {parsed.E164} already exists.");
            }
            throw;
        }
        return new ContactWriteResult(ToDto(contact));
    }

    /// <summary>Adds and/or removes tags on many contacts in one statement each.</summary>
    public async Task<int> BulkTagAsync(IReadOnlyCollection<Guid> contactIds, IReadOnlyList<string> add, IReadOnlyList<string> remove, CancellationToken ct)
    {
        var toAdd = NormalizeTags(add);
        var toRemove = NormalizeTags(remove);
        if (contactIds.Count == 0 || (toAdd.Count == 0 && toRemove.Count == 0))
        {
            return 0;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (toRemove.Count > 0)
        {
            await db.Set<ContactTag>().Where(t => contactIds.Contains(t.ContactId) && toRemove.Contains(t.Tag)).ExecuteDeleteAsync(ct);
        }
        if (toAdd.Count > 0)
        {
            var existing = await db.Set<ContactTag>().AsNoTracking()
                .Where(t => contactIds.Contains(t.ContactId) && toAdd.Contains(t.Tag))
                .Select(t => new { t.ContactId, t.Tag }).ToListAsync(ct);
            var have = existing.Select(e => (e.ContactId, e.Tag)).ToHashSet();
            var ids = await db.Set<Contact>().Where(c => contactIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
            foreach (var id in ids)
            {
                foreach (var tag in toAdd.Where(tag => !have.Contains((id, tag))))
                {
                    db.Add(new ContactTag { ContactId = id, Tag = tag });
                }
            }
            await db.SaveChangesAsync(ct);
        }
        await db.Set<Contact>().Where(c => contactIds.Contains(c.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, time.GetUtcNow().UtcDateTime), ct);
        await tx.CommitAsync(ct);
        return contactIds.Count;
    }

    public static ContactDto ToDto(Contact c) => new(
        c.Id, c.Name, c.Phone, c.Email,
        c.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal).ToList(),
        c.State, c.Zip,
        string.IsNullOrEmpty(c.TimeZones) ? [] : c.TimeZones.Split(','),
        c.SmsConsent, c.SmsConsentChangedAt, c.InstagramHandle, c.FacebookHandle, c.CreatedAt, c.UpdatedAt);

    // A null tag (JSON [null]) is refused by Validation under its path; here it is only skipped, so the other checks still run.
    public static List<string> NormalizeTags(IEnumerable<string?>? tags) =>
        (tags ?? []).OfType<string>().Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();

    internal static string InvalidPhoneMessage(string? phone) =>
        string.IsNullOrWhiteSpace(phone)
            ? "Phone is required."
            : $"'{phone}' is not a valid phone number. Use a US number like (212) 555-0147 or +1 212 555 0147.";

    private const string LikeEscape = "\\";

    /// <summary><paramref name="text"/> as a LIKE pattern that matches exactly it (with <see cref="LikeEscape"/>).</summary>
    internal static string LikeLiteral(string text) =>
        text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal);

    private static IQueryable<Contact> Filter(IQueryable<Contact> contacts, ContactQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            var digits = new string(q.Where(char.IsDigit).ToArray());
            // What was typed is matched literally: "%" and "_" are text here, not LIKE wildcards (escaped with
            // an explicit escape character, the same on SQLite and PostgreSQL).
            var pattern = $"%{LikeLiteral(q.ToLowerInvariant())}%";
            contacts = digits.Length >= 3
                ? contacts.Where(c => EF.Functions.Like(c.Name.ToLower(), pattern, LikeEscape) || (c.Phone != null && c.Phone.Contains(digits)) || (c.Email != null && EF.Functions.Like(c.Email.ToLower(), pattern, LikeEscape)))
                : contacts.Where(c => EF.Functions.Like(c.Name.ToLower(), pattern, LikeEscape) || (c.Email != null && EF.Functions.Like(c.Email.ToLower(), pattern, LikeEscape)));
        }
        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = query.Tag.Trim().ToLowerInvariant();
            contacts = contacts.Where(c => c.Tags.Any(t => t.Tag == tag));
        }
        if (query.Consent is { } consent)
        {
            contacts = contacts.Where(c => c.SmsConsent == consent);
        }
        return contacts;
    }

    private static void ValidateCommon(Dictionary<string, string[]> errors, string? email, string? state, IReadOnlyList<string>? tags,
        SmsConsent? consent, string? consentSource, bool consentPresent)
    {
        if (!string.IsNullOrWhiteSpace(email) && !errors.ContainsKey("email") && !MailAddress.TryCreate(email.Trim(), out _))
        {
            errors["email"] = [$"'{email}' is not a valid email address."];
        }
        if (!string.IsNullOrWhiteSpace(state) && !UsStates.IsUsState(state.Trim()))
        {
            errors["state"] = [$"'{state}' is not a US two-letter state code."];
        }
        var normalized = NormalizeTags(tags);
        if (normalized.Count > MaxTags)
        {
            errors["tags"] = [$"At most {MaxTags} tags."];
        }
        else if (normalized.Any(t => t.Length > 50))
        {
            errors["tags"] = ["A tag is at most 50 characters."];
        }
        if (consentPresent && consent is not null && string.IsNullOrWhiteSpace(consentSource))
        {
            errors["consentSource"] = ["Changing SMS consent needs consentSource: where the consent (or opt-out) came from."];
        }
    }

    private async Task<bool> PhoneTakenAsync(string e164, CancellationToken ct, Guid? exceptId = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Contact>().AnyAsync(c => c.Phone == e164 && c.Id != exceptId, ct);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// A contact for a person known only on Instagram or Facebook (no phone yet), e.g. when their
    /// conversation becomes a lead. Consent stays none: no texts until they give a number and agree.
    /// </summary>
    public async Task<Guid> CreateSocialContactAsync(string name, string? instagramId, string? facebookId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        name = PersonNames.Clean(name);
        var contact = new Contact
        {
            Name = name.Length > Contact.MaxName ? name[..Contact.MaxName] : name,
            InstagramHandle = instagramId is { Length: <= Contact.MaxHandle } ig ? ig : null,
            FacebookHandle = facebookId is { Length: <= Contact.MaxHandle } fb ? fb : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(contact);
        await db.SaveChangesAsync(ct);
        return contact.Id;
    }
}
