using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

using HibachiAdmin.Common;

namespace HibachiAdmin.Features.Contacts;

/// <summary>
/// CSV import of contacts with CsvHelper. Columns by header (case-insensitive): name, phone, email,
/// tags (separated by ; or |), state, zip, smsConsent, consentSource, consentEvidence.
/// De-duplicates by phone: an existing phone updates that contact, a phone repeated inside the file is
/// rejected. Consent is only honoured with a consentSource. Commit is one transaction.
/// </summary>
public sealed class ContactImport(IDbContextFactory<AppDbContext> dbFactory, Phones phones, OptInRequestService optIns, TimeProvider time)
{
    public const int MaxRows = 20_000;

    /// <summary>The warning on a row that would opt in a contact who opted out (the rest of the row is applied).</summary>
    public const string AskedToConfirm = "Opt-in: the person gets one text asking them to reply YES; they are texted offers only after that.";
    public const string OptedOutKept = "Opted out: consent left as is (an import never opts a person back in; they text START or staff record a new consent).";

    private sealed record CsvRow(int Row, string? Name, string? Phone, string? Email, string? Tags, string? State, string? Zip, string? Consent, string? ConsentSource, string? ConsentEvidence);

    private sealed record Planned(ImportRowResult Result, CsvRow Source, ParsedPhone? Parsed, SmsConsent? Consent);

    /// <summary>Thrown for a file that is not a usable CSV at all (no header, missing required columns, bad quoting).</summary>
    public sealed class InvalidCsvException(string message) : Exception(message);

    public Task<ImportSummary> PreviewAsync(TextReader csv, CancellationToken ct) => RunAsync(csv, commit: false, Actor.System, ct);

    public Task<ImportSummary> CommitAsync(TextReader csv, Actor actor, CancellationToken ct) => RunAsync(csv, commit: true, actor, ct);

    private async Task<ImportSummary> RunAsync(TextReader csv, bool commit, Actor actor, CancellationToken ct)
    {
        var rows = Read(csv);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Stryker disable once Linq : without Distinct a repeated number is looked up twice and stored under its key twice, same dictionary
        var phonesInFile = rows.Select(r => phones.Parse(r.Phone)?.E164).OfType<string>().Distinct().ToList();
        var existing = new Dictionary<string, Contact>(StringComparer.Ordinal);
        foreach (var chunk in phonesInFile.Chunk(500))
        {
            // Stryker disable once Logical : "||" loads every contact with a phone; only the file's numbers are ever looked up, so the plan is the same
            var found = await db.Set<Contact>().Include(c => c.Tags).Where(c => c.Phone != null && chunk.Contains(c.Phone)).ToListAsync(ct);
            foreach (var c in found)
            {
                existing[c.Phone!] = c;
            }
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var planned = new List<Planned>(rows.Count);
        foreach (var row in rows)
        {
            planned.Add(Plan(row, seen, existing));
        }

        if (commit)
        {
            var now = time.GetUtcNow().UtcDateTime;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var p in planned.Where(p => p.Result.Outcome != ImportRowOutcome.Reject))
            {
                await ApplyAsync(db, p, existing, actor, now, ct);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        var results = planned.Select(p => p.Result).ToList();
        return new ImportSummary(
            results.Count(r => r.Outcome == ImportRowOutcome.Create),
            results.Count(r => r.Outcome == ImportRowOutcome.Update),
            results.Where(r => r.Outcome == ImportRowOutcome.Reject).Select(r => new ImportRejection(r.Row, r.Reason!)).ToList(),
            results);
    }

    private Planned Plan(CsvRow row, Dictionary<string, int> seen, Dictionary<string, Contact> existing)
    {
        var warnings = new List<string>();
        ImportRowResult Reject(string reason) => new(row.Row, ImportRowOutcome.Reject, row.Name, row.Phone, reason, warnings);

        var parsed = phones.Parse(row.Phone);
        if (parsed is null)
        {
            return new Planned(Reject(ContactService.InvalidPhoneMessage(row.Phone)), row, null, null);
        }
        if (seen.TryGetValue(parsed.E164, out var firstRow))
        {
            return new Planned(Reject($"Duplicate of row {firstRow} (same phone {parsed.E164})."), row, parsed, null);
        }
        seen[parsed.E164] = row.Row;
        var isUpdate = existing.ContainsKey(parsed.E164);
        if (!isUpdate && string.IsNullOrWhiteSpace(row.Name))
        {
            return new Planned(Reject("Name is required for a new contact."), row, parsed, null);
        }
        if (row.Name is { Length: > 200 })
        {
            return new Planned(Reject("Name is at most 200 characters."), row, parsed, null);
        }
        if (!string.IsNullOrWhiteSpace(row.Email) && !System.Net.Mail.MailAddress.TryCreate(row.Email.Trim(), out _))
        {
            return new Planned(Reject($"'{row.Email}' is not a valid email address."), row, parsed, null);
        }
        if (!string.IsNullOrWhiteSpace(row.State) && !UsStates.IsUsState(row.State.Trim()))
        {
            return new Planned(Reject($"'{row.State}' is not a US two-letter state code."), row, parsed, null);
        }
        SmsConsent? consent = null;
        if (!string.IsNullOrWhiteSpace(row.Consent))
        {
            if (!TryParseConsent(row.Consent, out var c))
            {
                return new Planned(Reject($"smsConsent '{row.Consent}' must be none, optedIn or optedOut."), row, parsed, null);
            }
            // "none" changes nothing (it is the default); a real consent state needs its source.
            if (c != SmsConsent.None && string.IsNullOrWhiteSpace(row.ConsentSource))
            {
                return new Planned(Reject("smsConsent is set but consentSource is empty: consent is only recorded with its source."), row, parsed, null);
            }
            consent = c == SmsConsent.None ? null : c;
            // A list never overrides a person's opt-out (an old sign-up sheet, a re-import of an export):
            // they opt back in themselves (START) or staff record a new consent on the contact.
            if (consent == SmsConsent.OptedIn && isUpdate && existing[parsed.E164].SmsConsent == SmsConsent.OptedOut)
            {
                warnings.Add(OptedOutKept);
                consent = null;
            }
            else if (consent == SmsConsent.OptedIn && !(isUpdate && existing[parsed.E164].SmsConsent == SmsConsent.OptedIn))
            {
                warnings.Add(AskedToConfirm);
            }
        }
        var tags = SplitTags(row.Tags);
        if (tags.Count > ContactService.MaxTags || tags.Any(t => t.Length > 50))
        {
            return new Planned(Reject($"At most {ContactService.MaxTags} tags of at most 50 characters."), row, parsed, null);
        }
        var outcome = isUpdate ? ImportRowOutcome.Update : ImportRowOutcome.Create;
        return new Planned(new ImportRowResult(row.Row, outcome, row.Name?.Trim(), parsed.E164, null, warnings), row, parsed, consent);
    }

    private async Task ApplyAsync(AppDbContext db, Planned p, Dictionary<string, Contact> existing, Actor actor, DateTime now, CancellationToken ct)
    {
        var row = p.Source;
        var parsed = p.Parsed!;
        if (!existing.TryGetValue(parsed.E164, out var contact))
        {
            contact = new Contact
            {
                Name = row.Name!.Trim(),
                Phone = parsed.E164,
                TimeZones = parsed.TimeZones.Count > 0 ? string.Join(',', parsed.TimeZones) : null,
                State = parsed.State,
                CreatedAt = now,
            };
            db.Add(contact);
        }
        if (!string.IsNullOrWhiteSpace(row.Name))
        {
            contact.Name = row.Name.Trim();
        }
        if (!string.IsNullOrWhiteSpace(row.Email))
        {
            contact.Email = row.Email.Trim();
        }
        if (!string.IsNullOrWhiteSpace(row.State))
        {
            contact.State = row.State.Trim().ToUpperInvariant();
        }
        if (!string.IsNullOrWhiteSpace(row.Zip))
        {
            contact.Zip = row.Zip.Trim();
        }
        foreach (var tag in SplitTags(row.Tags).Where(t => contact.Tags.All(x => x.Tag != t)))
        {
            contact.Tags.Add(new ContactTag { ContactId = contact.Id, Tag = tag });
        }
        if (p.Consent is { } consent)
        {
            var evidence = string.IsNullOrWhiteSpace(row.ConsentEvidence) ? $"CSV import, row {row.Row}" : $"CSV import, row {row.Row}: {row.ConsentEvidence.Trim()}";
            if (consent == SmsConsent.OptedIn)
            {
                // A list is not the person: they confirm from their phone (double opt-in).
                await optIns.AskAsync(db, contact, new OptInAsk(row.ConsentSource!.Trim(), evidence), actor, ct);
            }
            else
            {
                ContactService.ApplyConsent(db, contact, new ConsentChange(consent, row.ConsentSource!.Trim(), evidence), actor, now);
            }
        }
        contact.UpdatedAt = now;
    }

    private static List<CsvRow> Read(TextReader csv)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant(),
            MissingFieldFound = null,
            HeaderValidated = null,
            BadDataFound = null,
            TrimOptions = TrimOptions.Trim,
            DetectDelimiter = true,
        };
        using var reader = new CsvReader(csv, config);
        var rows = new List<CsvRow>();
        try
        {
            if (!reader.Read() || !reader.ReadHeader())
            {
                throw new InvalidCsvException("The file is empty. The first line must be a header with at least name and phone.");
            }
            var headers = reader.HeaderRecord!.Select(h => config.PrepareHeaderForMatch(new PrepareHeaderForMatchArgs(h, 0))).ToHashSet();
            if (!headers.Contains("phone"))
            {
                throw new InvalidCsvException("The header has no 'phone' column. Expected columns: name, phone, email, tags, state, zip, smsConsent, consentSource.");
            }
            // With MissingFieldFound off, CsvHelper answers null for a column the header lacks.
            string? Field(string name) => CsvCells.Restore(reader.GetField(name));
            while (reader.Read())
            {
                var number = rows.Count + 1;
                if (number > MaxRows)
                {
                    throw new InvalidCsvException($"The file has more than {MaxRows:N0} rows; split it.");
                }
                rows.Add(new CsvRow(number, PersonNames.Clean(Field("name")) is { Length: > 0 } name ? name : null, Field("phone"), Field("email"), Field("tags"), Field("state"), Field("zip"),
                    Field("smsconsent") ?? Field("consent"), Field("consentsource"), Field("consentevidence")));
            }
        }
        catch (CsvHelperException ex)
        // Stryker disable once all : a guard; with BadDataFound and MissingFieldFound off no file reaches it (tried: unterminated and stray quotes, a 5 MB cell, repeated headers)
        {
            throw new InvalidCsvException($"The file is not valid CSV near row {ex.Context?.Parser?.Row}: {ex.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)}.");
        }
        return rows;
    }

    private static List<string> SplitTags(string? tags) =>
        ContactService.NormalizeTags((tags ?? "").Split([';', '|'], StringSplitOptions.RemoveEmptyEntries));

    private static bool TryParseConsent(string text, out SmsConsent consent)
    {
        var t = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        (var ok, consent) = t switch
        {
            "none" or "" => (true, SmsConsent.None),
            // "pending" (an export of a contact asked to confirm) asks again, subject to the same limits.
            "optedin" or "optin" or "yes" or "true" or "pendingconfirmation" or "pending" => (true, SmsConsent.OptedIn),
            "optedout" or "optout" or "no" or "false" => (true, SmsConsent.OptedOut),
            _ => (false, SmsConsent.None),
        };
        return ok;
    }
}
