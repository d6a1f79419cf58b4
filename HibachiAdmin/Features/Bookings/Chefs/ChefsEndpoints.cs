using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HibachiAdmin.Features.Bookings.Chefs;

/// <summary>The team of chefs (<c>/api/v1/chefs</c>: Staff+ read, Admin write) and chefs on a booking (<c>/api/v1/bookings/{id}/chefs</c>, Staff+).</summary>
public static class ChefsEndpoints
{
    public sealed record AssignChefRequest([property: Required] Guid? ChefId, int? Version);

    public static IEndpointRouteBuilder MapChefsApi(this IEndpointRouteBuilder app)
    {
        var chefs = app.MapGroup("/api/v1/chefs").WithTags("Chefs").RequireAuthorization(Policies.StaffPlus);
        chefs.MapGet("/", ListAsync).WithSummary("Chefs by name; includeInactive=true lists inactive ones too");
        chefs.MapGet("/{id:guid}", GetAsync).WithSummary("One chef");
        chefs.MapGet("/{id:guid}/parties", PartiesAsync).WithSummary("The chef's parties between from and to (YYYY-MM-DD; default: today and the next 60 days)");
        chefs.MapPost("/", CreateAsync).RequireAuthorization(Policies.Admin).WithSummary("Add a chef (Admin): a staff member or an external contractor");
        chefs.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("Replace a chef's details (Admin); a new day off on a day they work a party is a 409");

        var onBooking = app.MapGroup("/api/v1/bookings/{id:guid}/chefs").WithTags("Bookings").RequireAuthorization(Policies.StaffPlus);
        onBooking.MapPost("/", AssignAsync)
            .WithSummary("Assign a chef to the party; 409 with the reason when they work an overlapping party or are off that day");
        onBooking.MapDelete("/{chefId:guid}", UnassignAsync).WithSummary("Take a chef off the party");
        return app;
    }

    private static async Task<Results<Ok<PagedResult<ChefSummary>>, ValidationProblem>> ListAsync(ChefService chefs, bool? includeInactive, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = new PageRequest(page ?? 1, pageSize ?? 50);
        if (paging.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var all = await chefs.ListAsync(includeInactive == true, ct);
        return TypedResults.Ok(new PagedResult<ChefSummary>(all.Skip(paging.Skip).Take(paging.Take).ToList(), all.Count));
    }

    private static async Task<Results<Ok<ChefSummary>, ProblemHttpResult>> GetAsync(Guid id, ChefService chefs, CancellationToken ct) =>
        await chefs.GetAsync(id, ct) is { } chef ? TypedResults.Ok(chef) : ApiProblems.NotFound("Chef", id);

    private static async Task<Results<Ok<IReadOnlyList<ChefParty>>, ValidationProblem, ProblemHttpResult>> PartiesAsync(
        Guid id, string? from, string? to, ChefService chefs, Formats formats, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var fromDate = QueryValues.Date(from, "from", errors) ?? formats.Today;
        var toDate = QueryValues.Date(to, "to", errors) ?? fromDate.AddDays(60);
        if (errors.Count == 0 && toDate < fromDate)
        {
            errors["to"] = ["Expected a date on or after from."];
        }
        if (errors.Count == 0 && toDate.DayNumber - fromDate.DayNumber > 366)
        {
            errors["to"] = ["At most 366 days after from."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await chefs.GetAsync(id, ct) is null)
        {
            return ApiProblems.NotFound("Chef", id);
        }
        return TypedResults.Ok(await chefs.PartiesForChefAsync(id, fromDate, toDate, ct));
    }

    private static async Task<Results<Created<ChefSummary>, ValidationProblem, ProblemHttpResult>> CreateAsync(ChefInput body, ChefService chefs, CancellationToken ct)
    {
        var result = await chefs.CreateAsync(body, ct);
        return ApiProblems.Write<Created<ChefSummary>>(result.Errors, result.NotFound, "Chef", null, () => TypedResults.Created($"/api/v1/chefs/{result.Chef!.Id}", result.Chef));
    }

    private static async Task<Results<Ok<ChefSummary>, ValidationProblem, ProblemHttpResult>> UpdateAsync(Guid id, ChefInput body, ChefService chefs, CancellationToken ct)
    {
        var result = await chefs.UpdateAsync(id, body, ct);
        return ApiProblems.Write<Ok<ChefSummary>>(result.Errors, result.NotFound, "Chef",
            result.Conflict is { } why ? ApiProblems.Conflict("The chef works that day", why) : null, () => TypedResults.Ok(result.Chef!));
    }

    private static async Task<Results<Ok<BookingRow>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        Guid id, AssignChefRequest body, BookingService bookings, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Validation.Validate(body) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return ToResult(await bookings.AssignChefAsync(id, body.ChefId!.Value, body.Version, Actor.From(user), ct), "The chef is not free");
    }

    private static async Task<Results<Ok<BookingRow>, ValidationProblem, ProblemHttpResult>> UnassignAsync(
        Guid id, Guid chefId, BookingService bookings, ClaimsPrincipal user, CancellationToken ct) =>
        ToResult(await bookings.UnassignChefAsync(id, chefId, null, Actor.From(user), ct), "Conflict");

    private static Results<Ok<BookingRow>, ValidationProblem, ProblemHttpResult> ToResult(CommandResult result, string conflictTitle) =>
        result.Booking is { } row ? TypedResults.Ok(row)
        : result.NotFound ? TypedResults.Problem(statusCode: 404, title: "Booking not found")
        : result.Conflict is { } conflict ? ApiProblems.Conflict(conflictTitle, conflict)
        : result.Field is { } field ? TypedResults.ValidationProblem(Validation.Error(field, result.Invalid ?? "Invalid value."))
        : TypedResults.Problem(statusCode: 400, title: "Invalid command", detail: result.Invalid);
}
