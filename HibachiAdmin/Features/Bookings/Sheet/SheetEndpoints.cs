using System.Security.Claims;
using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HibachiAdmin.Features.Bookings.Sheet;

/// <summary>The event sheet's API (<c>/api/v1/bookings/{id}/…</c>, Staff+; the guest count from its cutoff: Manager+).</summary>
public static class SheetEndpoints
{
    public static IEndpointRouteBuilder MapSheetApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/bookings/{id:guid}").WithTags("Bookings").RequireAuthorization(Policies.StaffPlus);
        group.MapGet("/sheet", GetAsync).WithSummary("The event sheet: times, address, guests and their change log, dietary needs (most serious first), menu, equipment, chefs");
        group.MapPut("/sheet", SetAsync).WithSummary("Replace the sheet's details (times, access notes, setting, adults/children, dietary needs, equipment, notes)");
        group.MapPost("/guest-count", GuestCountAsync)
            .WithSummary("Change the guaranteed guest count; from Bookings:GuestCountCutoffDays before the party only a Manager or Admin may (403 with the reason)");
        group.MapPost("/party-done", DoneAsync).WithSummary("Report the party done with the guests who actually ate and notes (completes a confirmed party)");
        return app;
    }

    private static async Task<Results<Ok<SheetDto>, ProblemHttpResult>> GetAsync(Guid id, SheetService sheets, CancellationToken ct) =>
        await sheets.GetAsync(id, ct) is { } sheet ? TypedResults.Ok(SheetDto.From(sheet)) : ApiProblems.NotFound("Booking", id);

    private static async Task<Results<Ok<SheetDto>, ValidationProblem, ProblemHttpResult>> SetAsync(
        Guid id, SheetRequests.Details body, BookingService bookings, SheetService sheets, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Validation.Validate(body) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return await AnswerAsync(await bookings.SetDetailsAsync(id, body.Version, body.ToEvent(), Actor.From(user), ct), id, sheets, ct);
    }

    private static async Task<Results<Ok<SheetDto>, ValidationProblem, ProblemHttpResult>> GuestCountAsync(
        Guid id, SheetRequests.GuestCount body, BookingService bookings, SheetService sheets, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Validation.Validate(body) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var manager = user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin);
        return await AnswerAsync(await bookings.ChangeGuestCountAsync(id, body.Version, body.Count!.Value, body.Reason, manager, Actor.From(user), ct), id, sheets, ct);
    }

    private static async Task<Results<Ok<SheetDto>, ValidationProblem, ProblemHttpResult>> DoneAsync(
        Guid id, SheetRequests.Done body, BookingService bookings, SheetService sheets, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Validation.Validate(body) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return await AnswerAsync(await bookings.ReportDoneAsync(id, body.ActualGuests!.Value, body.Notes, null, Actor.From(user), ct), id, sheets, ct);
    }

    private static async Task<Results<Ok<SheetDto>, ValidationProblem, ProblemHttpResult>> AnswerAsync(CommandResult result, Guid id, SheetService sheets, CancellationToken ct) =>
        result.Booking is not null && await sheets.GetAsync(id, ct) is { } sheet ? TypedResults.Ok(SheetDto.From(sheet))
        : result.NotFound || result.Booking is not null ? ApiProblems.NotFound("Booking", id)
        : result.Forbidden is { } forbidden ? TypedResults.Problem(statusCode: 403, title: "A Manager must make this change", detail: forbidden)
        : result.Conflict is { } conflict ? ApiProblems.Conflict("Conflict", conflict)
        : result.Field is { } field ? TypedResults.ValidationProblem(Validation.Error(field, result.Invalid ?? "Invalid value."))
        : TypedResults.Problem(statusCode: 400, title: "Invalid command", detail: result.Invalid);
}
