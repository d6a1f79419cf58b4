using System.Security.Claims;
using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HibachiAdmin.Features.Leads;

public static class LeadsEndpoints
{
    public static IEndpointRouteBuilder MapLeadsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/leads").WithTags("Leads").RequireAuthorization(Policies.StaffPlus);
        group.MapGet("/", ListAsync).WithSummary("Leads, newest first; filters status, source, from/to (event date), contactId");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One lead with its attribution links");
        // The body is read as a merge-patch (absent vs null); the records describe it.
        group.MapPost("/", CreateAsync).WithSummary("Create a lead for a contact (409 when the contact already has an open lead)")
            .Accepts<LeadCreateRequest>("application/json");
        group.MapPatch("/{id:guid}", PatchAsync).WithSummary("Change a lead: present fields change, null clears, absent stay")
            .Accepts<LeadPatchRequest>("application/json");
        group.MapGet("/{id:guid}/history", HistoryAsync).WithSummary("The lead's status moves");
        return app;
    }

    /// <summary>POST body (documentation and fuzzing; read by <see cref="JsonPatchReader"/>).</summary>
    public sealed record LeadCreateRequest(
        [property: System.ComponentModel.DataAnnotations.Required] Guid? ContactId,
        [property: System.ComponentModel.DataAnnotations.Required] LeadSource? Source,
        LeadStatus? Status = null,
        [property: System.ComponentModel.DataAnnotations.StringLength(Lead.MaxLostReason)] string? LostReason = null,
        DateOnly? EventDate = null,
        [property: System.ComponentModel.DataAnnotations.Range(1, LeadService.MaxGuests)] int? GuestCount = null,
        [property: System.ComponentModel.DataAnnotations.StringLength(Lead.MaxZip)] string? Zip = null,
        [property: System.ComponentModel.DataAnnotations.StringLength(Lead.MaxLocation)] string? Location = null,
        [property: System.ComponentModel.DataAnnotations.StringLength(Lead.MaxOccasion)] string? Occasion = null,
        [property: System.ComponentModel.DataAnnotations.Range(0, 1_000_000)] decimal? EstimatedValue = null,
        [property: System.ComponentModel.DataAnnotations.StringLength(Lead.MaxNotes)] string? Notes = null,
        Guid? ThreadId = null,
        Guid? CallId = null,
        Guid? QrCodeId = null,
        Guid? CampaignId = null);

    /// <summary>PATCH body (documentation and fuzzing; read by <see cref="JsonPatchReader"/>).</summary>
    public sealed record LeadPatchRequest(
        LeadStatus? Status = null,
        [property: System.ComponentModel.DataAnnotations.StringLength(Lead.MaxLostReason)] string? LostReason = null,
        LeadSource? Source = null,
        DateOnly? EventDate = null,
        [property: System.ComponentModel.DataAnnotations.Range(1, LeadService.MaxGuests)] int? GuestCount = null,
        [property: System.ComponentModel.DataAnnotations.StringLength(Lead.MaxZip)] string? Zip = null,
        [property: System.ComponentModel.DataAnnotations.StringLength(Lead.MaxLocation)] string? Location = null,
        [property: System.ComponentModel.DataAnnotations.StringLength(Lead.MaxOccasion)] string? Occasion = null,
        [property: System.ComponentModel.DataAnnotations.Range(0, 1_000_000)] decimal? EstimatedValue = null,
        [property: System.ComponentModel.DataAnnotations.StringLength(Lead.MaxNotes)] string? Notes = null);

    private static async Task<Results<Ok<PagedResult<LeadDto>>, ValidationProblem>> ListAsync(
        LeadService leads, string? status, string? source, string? from, string? to, Guid? contactId, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = new PageRequest(page ?? 1, pageSize ?? 50);
        var errors = paging.Validate() ?? [];
        var statusValue = StrictEnum.Query<LeadStatus>(status, "status", errors);
        var sourceValue = StrictEnum.Query<LeadSource>(source, "source", errors);
        var fromValue = ParseDate(from, "from", errors);
        var toValue = ParseDate(to, "to", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await leads.ListAsync(new LeadListQuery(statusValue, sourceValue, fromValue, toValue, contactId, paging.Page, paging.PageSize), ct));
    }

    private static async Task<Results<Ok<LeadDto>, ProblemHttpResult>> GetAsync(Guid id, LeadService leads, CancellationToken ct) =>
        await leads.GetDtoAsync(id, ct) is { } lead ? TypedResults.Ok(lead) : NotFound(id);

    private static async Task<Results<Created<LeadDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        JsonElement body, LeadService leads, ClaimsPrincipal user, CancellationToken ct)
    {
        var r = new JsonPatchReader(body);
        if (!r.IsObject)
        {
            return TypedResults.ValidationProblem(Validation.Error("body", "The body must be a JSON object."));
        }
        var contactText = r.String("contactId");
        var source = r.Enum<LeadSource>("source");
        var status = r.Enum<LeadStatus>("status");
        var lostReason = r.String("lostReason", Lead.MaxLostReason);
        var eventDate = r.Date("eventDate");
        var guests = r.Int("guestCount");
        var zip = r.String("zip", Lead.MaxZip);
        var location = r.String("location", Lead.MaxLocation);
        var occasion = r.String("occasion", Lead.MaxOccasion);
        var value = r.Decimal("estimatedValue");
        var notes = r.String("notes", Lead.MaxNotes);
        if (!Guid.TryParse(contactText.Value, out var contactId) && !r.Errors.ContainsKey("contactId"))
        {
            r.Errors["contactId"] = [contactText.Value is null ? "This value is required." : StrictJson.ExpectedGuid];
        }
        if (source.Value is null && !r.Errors.ContainsKey("source"))
        {
            r.Errors["source"] = ["This value is required."];
        }
        if (r.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(r.Errors);
        }
        var input = new NewLead(contactId, source.Value!.Value, eventDate.Value, guests.Value, zip.Value, location.Value, occasion.Value, value.Value, notes.Value,
            ThreadId: GuidOrNull(r, "threadId"), CallId: GuidOrNull(r, "callId"), QrCodeId: GuidOrNull(r, "qrCodeId"), CampaignId: GuidOrNull(r, "campaignId"));
        var result = await leads.CreateAsync(input, status.Value ?? LeadStatus.New, lostReason.Value, Actor.From(user), ct);
        return ToResult(result, lead => TypedResults.Created($"/api/v1/leads/{lead.Id}", lead));
    }

    private static async Task<Results<Ok<LeadDto>, ValidationProblem, ProblemHttpResult>> PatchAsync(
        Guid id, JsonElement body, LeadService leads, ClaimsPrincipal user, CancellationToken ct)
    {
        var r = new JsonPatchReader(body);
        if (!r.IsObject)
        {
            return TypedResults.ValidationProblem(Validation.Error("body", "The body must be a JSON object with the fields to change."));
        }
        var patch = new LeadPatch
        {
            Status = r.Enum<LeadStatus>("status"),
            LostReason = r.String("lostReason", Lead.MaxLostReason),
            Source = r.Enum<LeadSource>("source"),
            EventDate = r.Date("eventDate"),
            GuestCount = r.Int("guestCount"),
            Zip = r.String("zip", Lead.MaxZip),
            Location = r.String("location", Lead.MaxLocation),
            Occasion = r.String("occasion", Lead.MaxOccasion),
            EstimatedValue = r.Decimal("estimatedValue"),
            Notes = r.String("notes", Lead.MaxNotes),
        };
        if (r.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(r.Errors);
        }
        return ToResult(await leads.UpdateAsync(id, patch, Actor.From(user), ct), TypedResults.Ok);
    }

    private static async Task<Results<Ok<IReadOnlyList<LeadStatusChange>>, ProblemHttpResult>> HistoryAsync(Guid id, LeadService leads, CancellationToken ct) =>
        await leads.GetDtoAsync(id, ct) is null ? NotFound(id) : TypedResults.Ok(await leads.GetHistoryAsync(id, ct));

    private static Results<T, ValidationProblem, ProblemHttpResult> ToResult<T>(LeadWriteResult result, Func<LeadDto, T> ok) where T : IResult =>
        ApiProblems.Write(result.Errors, result.NotFound, "Lead",
            result.Conflict is null ? null : ApiProblems.Conflict("Contact already has an open lead", result.Conflict,
                new Dictionary<string, object?> { ["existingLeadId"] = result.ExistingLeadId }),
            () => ok(result.Lead!));

    private static Guid? GuidOrNull(JsonPatchReader r, string name)
    {
        return r.Guid(name).Value;
    }

    private static DateOnly? ParseDate(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors[name] = [StrictJson.ExpectedDate];
        return null;
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: 404, title: "Lead not found", detail: $"No lead has id {id}.");
}
