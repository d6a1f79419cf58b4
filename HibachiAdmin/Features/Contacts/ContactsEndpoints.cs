using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CsvHelper;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace HibachiAdmin.Features.Contacts;

public static class ContactsEndpoints
{
    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/contacts").WithTags("Contacts").RequireAuthorization(Policies.StaffPlus);
        group.MapGet("/", ListAsync).WithSummary("Contacts; search q (name/email/phone), tag, consent");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One contact");
        group.MapPost("/", CreateAsync).RequireAuthorization(Policies.MarketingPlus)
            .WithSummary("Create a contact (phone in any common format; 409 when the phone is taken)");
        group.MapPatch("/{id:guid}", PatchAsync).RequireAuthorization(Policies.MarketingPlus)
            .WithSummary("Change a contact: present fields change, null clears, absent stay")
            .Accepts<ContactPatchRequest>("application/json");
        group.MapPost("/import", ImportAsync).RequireAuthorization(Policies.MarketingPlus)
            .WithSummary("Import a text/csv file; dryRun=true previews").Accepts<string>("text/csv");
        group.MapGet("/export.csv", ExportAsync).RequireAuthorization(Policies.MarketingPlus)
            .WithSummary("Export the filtered contacts as CSV (the import format)").Produces<string>(200, "text/csv").ProducesValidationProblem();
        group.MapGet("/{id:guid}/consent-history", ConsentHistoryAsync).WithSummary("The contact's consent changes with source and evidence");
        return app;
    }

    /// <summary>PATCH body (documentation and fuzzing; read by <see cref="JsonPatchReader"/>).</summary>
    public sealed record ContactPatchRequest(
        [property: StringLength(Contact.MaxName, MinimumLength = 1)] string? Name = null,
        [property: StringLength(Contact.MaxPhoneInput)] string? Phone = null,
        [property: StringLength(Contact.MaxEmail)] string? Email = null,
        IReadOnlyList<string>? Tags = null,
        [property: StringLength(Contact.MaxState)] string? State = null,
        [property: StringLength(Contact.MaxZip)] string? Zip = null,
        SmsConsent? SmsConsent = null,
        [property: StringLength(Contact.MaxConsentSource)] string? ConsentSource = null,
        [property: StringLength(Contact.MaxConsentEvidence)] string? ConsentEvidence = null,
        [property: StringLength(Contact.MaxHandle)] string? InstagramHandle = null,
        [property: StringLength(Contact.MaxHandle)] string? FacebookHandle = null);

    private static async Task<Results<Ok<PagedResult<ContactDto>>, ValidationProblem>> ListAsync(
        ContactService contacts, string? q, string? tag, string? consent, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = new PageRequest(page ?? 1, pageSize ?? 50);
        var errors = paging.Validate();
        errors ??= [];
        var consentFilter = StrictEnum.Query<SmsConsent>(consent, "consent", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await contacts.SearchAsync(new ContactQuery(q, tag, consentFilter, paging.Page, paging.PageSize), ct));
    }

    private static async Task<Results<Ok<ContactDto>, ProblemHttpResult>> GetAsync(Guid id, ContactService contacts, CancellationToken ct) =>
        await contacts.GetDtoAsync(id, ct) is { } dto ? TypedResults.Ok(dto) : NotFound(id);

    private static async Task<Results<Created<ContactDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateContactRequest request, ContactService contacts, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await contacts.CreateAsync(request, Actor.From(user), ct);
        return ToResult(result, dto => TypedResults.Created($"/api/v1/contacts/{dto.Id}", dto));
    }

    private static async Task<Results<Ok<ContactDto>, ValidationProblem, ProblemHttpResult>> PatchAsync(
        Guid id, JsonElement body, ContactService contacts, ClaimsPrincipal user, CancellationToken ct)
    {
        var reader = new JsonPatchReader(body);
        if (!reader.IsObject)
        {
            return TypedResults.ValidationProblem(Validation.Error("body", "The body must be a JSON object with the fields to change."));
        }
        ContactPatch patch = new();
        patch = Read(reader, "name", Contact.MaxName, patch, (p, v) => p with { Name = v });
        patch = Read(reader, "phone", Contact.MaxPhoneInput, patch, (p, v) => p with { Phone = v });
        patch = Read(reader, "email", Contact.MaxEmail, patch, (p, v) => p with { Email = v });
        patch = Read(reader, "state", Contact.MaxState, patch, (p, v) => p with { State = v });
        patch = Read(reader, "zip", Contact.MaxZip, patch, (p, v) => p with { Zip = v });
        patch = Read(reader, "consentSource", Contact.MaxConsentSource, patch, (p, v) => p with { ConsentSource = v });
        patch = Read(reader, "consentEvidence", Contact.MaxConsentEvidence, patch, (p, v) => p with { ConsentEvidence = v });
        patch = Read(reader, "instagramHandle", Contact.MaxHandle, patch, (p, v) => p with { InstagramHandle = v });
        patch = Read(reader, "facebookHandle", Contact.MaxHandle, patch, (p, v) => p with { FacebookHandle = v });
        var tags = reader.StringArray("tags");
        if (tags.Present)
        {
            patch = patch with { Tags = new Optional<IReadOnlyList<string>?>(true, tags.Value) };
        }
        var consent = reader.Enum<SmsConsent>("smsConsent");
        if (consent.Present)
        {
            patch = patch with { SmsConsent = new Optional<SmsConsent?>(true, consent.Value) };
        }
        if (reader.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(reader.Errors);
        }
        var result = await contacts.UpdateAsync(id, patch, Actor.From(user), ct);
        return ToResult(result, TypedResults.Ok);
    }

    private static ContactPatch Read(JsonPatchReader reader, string name, int maxLength, ContactPatch patch, Func<ContactPatch, Optional<string?>, ContactPatch> set)
    {
        var (present, value) = reader.String(name, maxLength);
        return present ? set(patch, new Optional<string?>(true, value)) : patch;
    }

    /// <summary>text/csv body → created/updated/rejected counts with row numbers and reasons. ?dryRun=true previews.</summary>
    private static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, ContactImport import, ClaimsPrincipal user, bool? dryRun, CancellationToken ct)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, "text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: 415, title: "Unsupported media type", detail: "Send the file as text/csv.");
        }
        // The body is at most 256 KiB; read it asynchronously (Kestrel forbids sync reads) and parse from memory.
        using var body = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var reader = new StringReader(await body.ReadToEndAsync(ct));
        try
        {
            var summary = dryRun == true ? await import.PreviewAsync(reader, ct) : await import.CommitAsync(reader, Actor.From(user), ct);
            return TypedResults.Ok(new ImportResponse(summary.Created, summary.Updated, summary.RejectedCount, summary.Rejected, dryRun == true,
                summary.Rows.SelectMany(r => r.Warnings.Select(w => new ImportWarning(r.Row, w))).ToList()));
        }
        catch (ContactImport.InvalidCsvException ex)
        {
            return TypedResults.Problem(statusCode: 400, title: "Invalid CSV", detail: ex.Message);
        }
    }

    /// <param name="Warnings">Rows applied with a part left out, with the reason (e.g. consent kept for a person who opted out).</param>
    public sealed record ImportResponse(int Created, int Updated, int RejectedCount, IReadOnlyList<ImportRejection> Rejected, bool DryRun, IReadOnlyList<ImportWarning> Warnings);

    private static async Task ExportAsync(HttpContext http, ContactService contacts, string? q, string? tag, string? consent, CancellationToken ct)
    {
        var consentFilter = StrictEnum.TryParse<SmsConsent>(consent, out var c) ? c : (SmsConsent?)null;
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=contacts.csv";
        await WriteCsvAsync(http.Response.Body, contacts.ExportAsync(new ContactQuery(q, tag, consentFilter), ct), ct);
    }

    /// <summary>
    /// The export format is the import format, so a file can round-trip. Cells a spreadsheet would
    /// run as a formula are neutralised (<see cref="CsvCells"/>); the import undoes it.
    /// </summary>
    public static async Task WriteCsvAsync(Stream output, IAsyncEnumerable<ContactDto> rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in new[] { "name", "phone", "email", "tags", "state", "zip", "smsConsent", "createdAt" })
        {
            csv.WriteField(header);
        }
        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(ct))
        {
            csv.WriteField(CsvCells.Neutralize(row.Name));
            csv.WriteField(CsvCells.Neutralize(row.Phone));
            csv.WriteField(CsvCells.Neutralize(row.Email));
            csv.WriteField(CsvCells.Neutralize(string.Join(';', row.Tags)));
            csv.WriteField(CsvCells.Neutralize(row.State));
            csv.WriteField(CsvCells.Neutralize(row.Zip));
            csv.WriteField(Validation.CamelCase(row.SmsConsent.ToString()));
            csv.WriteField(row.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }

    private static async Task<Results<Ok<IReadOnlyList<ConsentLedgerEntry>>, ProblemHttpResult>> ConsentHistoryAsync(Guid id, ContactService contacts, CancellationToken ct) =>
        await contacts.GetAsync(id, ct) is null ? NotFound(id) : TypedResults.Ok(await contacts.GetConsentHistoryAsync(id, ct));

    private static Results<T, ValidationProblem, ProblemHttpResult> ToResult<T>(ContactWriteResult result, Func<ContactDto, T> ok) where T : IResult =>
        ApiProblems.Write(result.Errors, result.NotFound, "Contact", Conflict(result), () => ok(result.Contact!));

    private static ProblemHttpResult? Conflict(ContactWriteResult result) =>
        result.Conflict is not null ? ApiProblems.Conflict("Phone already in use", result.Conflict)
        : result.ConsentRefused is not null ? ApiProblems.Conflict("Only the person can change this consent", result.ConsentRefused,
            new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["smsConsent"] = [result.ConsentRefused] } })
        : null;

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: 404, title: "Contact not found", detail: $"No contact has id {id}.");
}
