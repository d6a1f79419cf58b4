using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HibachiAdmin.Features.Bookings;

public static class BookingsEndpoints
{
    public sealed record CreateBookingRequest([property: Required] Guid? ContactId, Guid? LeadId, [property: Required] DateOnly? EventDate, TimeOnly? EventTime,
        [property: Required] int? GuestCount, [property: Required] decimal? PricePerPerson, [property: StringLength(BookingRow.MaxAddress)] string? Address,
        [property: StringLength(BookingRow.MaxZip)] string? Zip, [property: StringLength(BookingRow.MaxPackage)] string? Package,
        [property: StringLength(BookingRow.MaxNotes)] string? Notes);
    public sealed record DepositRequest([property: Required] decimal? Amount);
    public sealed record RescheduleRequest([property: Required] DateOnly? EventDate, TimeOnly? EventTime);
    public sealed record CancelRequest([property: Required, StringLength(BookingRow.MaxCancelReason)] string? Reason, [property: StringLength(10)] string? LeadOutcome);
    public sealed record EventDto(int Version, string Type, JsonElement Data, string? User, DateTime At);
    public sealed record ReplayResult(int Bookings, int Events);

    public static IEndpointRouteBuilder MapBookingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/bookings").WithTags("Bookings").RequireAuthorization(Policies.StaffPlus);
        group.MapGet("/", ListAsync).WithSummary("Bookings by event date, optionally between from and to (YYYY-MM-DD)");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One booking");
        group.MapGet("/{id:guid}/events", EventsAsync).WithSummary("The booking's event stream in order");
        group.MapPost("/", CreateAsync).WithSummary("Request a booking");
        group.MapPost("/{id:guid}/deposit", DepositAsync).WithSummary("Record a deposit (amount in US dollars)");
        group.MapPost("/{id:guid}/confirm", ConfirmAsync).WithSummary("Confirm a requested booking");
        group.MapPost("/{id:guid}/reschedule", RescheduleAsync).WithSummary("Move the booking to another date or time");
        group.MapPost("/{id:guid}/cancel", CancelAsync).WithSummary("Cancel with a reason; leadOutcome lost or reopen");
        group.MapPost("/{id:guid}/complete", CompleteAsync).WithSummary("Mark a confirmed booking as done");

        app.MapPost("/api/v1/admin/events/replay", ReplayAsync).RequireAuthorization(Policies.Admin).WithTags("Events")
            .WithSummary("Rebuild read models from the event store");
        return app;
    }

    private static async Task<Results<Ok<PagedResult<BookingRow>>, ValidationProblem>> ListAsync(
        BookingService bookings, int? page, int? pageSize, string? from, string? to, CancellationToken ct)
    {
        var paging = new PageRequest(page ?? 1, pageSize ?? 50);
        var errors = paging.Validate() ?? [];
        var fromDate = QueryValues.Date(from, "from", errors);
        var toDate = QueryValues.Date(to, "to", errors);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await bookings.ListAsync(fromDate, toDate, paging.Page, paging.PageSize, ct));
    }

    private static async Task<Results<Ok<BookingRow>, ProblemHttpResult>> GetAsync(Guid id, BookingService bookings, CancellationToken ct) =>
        await bookings.GetAsync(id, ct) is { } row ? TypedResults.Ok(row) : ApiProblems.NotFound("Booking", id);

    private static async Task<Results<Ok<IEnumerable<EventDto>>, ProblemHttpResult>> EventsAsync(Guid id, BookingService bookings, CancellationToken ct)
    {
        var events = await bookings.EventsAsync(id, ct);
        return events.Count == 0
            ? ApiProblems.NotFound("Booking", id)
            : TypedResults.Ok(events.Select(e => new EventDto(e.Version, e.EventType, JsonDocument.Parse(e.Data).RootElement.Clone(), e.UserName, e.At)));
    }

    private static async Task<Results<Created<BookingRow>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateBookingRequest body, BookingService bookings, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = Validation.Validate(body) ?? [];
        Money.Validate(errors, "pricePerPerson", body.PricePerPerson, Money.MaxPricePerPerson, positive: true);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var result = await bookings.RequestAsync(new BookingRequested(body.ContactId!.Value, body.LeadId, body.EventDate!.Value, body.EventTime, body.GuestCount!.Value,
            body.PricePerPerson!.Value, body.Address, body.Zip, body.Package, body.Notes), Actor.From(user), ct);
        return result.Booking is { } row ? TypedResults.Created($"/api/v1/bookings/{row.Id}", row) : ToProblem(result);
    }

    private static async Task<Results<Ok<BookingRow>, ValidationProblem, ProblemHttpResult>> DepositAsync(
        Guid id, DepositRequest body, BookingService bookings, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = Validation.Validate(body) ?? [];
        Money.Validate(errors, "amount", body.Amount, Money.MaxAmount, positive: true);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : ToResult(await bookings.DepositAsync(id, body.Amount!.Value, Actor.From(user), ct));
    }

    private static async Task<Results<Ok<BookingRow>, ValidationProblem, ProblemHttpResult>> ConfirmAsync(Guid id, BookingService bookings, ClaimsPrincipal user, CancellationToken ct) =>
        ToResult(await bookings.ConfirmAsync(id, Actor.From(user), ct));

    private static async Task<Results<Ok<BookingRow>, ValidationProblem, ProblemHttpResult>> RescheduleAsync(
        Guid id, RescheduleRequest body, BookingService bookings, ClaimsPrincipal user, CancellationToken ct) =>
        Validation.Validate(body) is { } errors
            ? TypedResults.ValidationProblem(errors)
            : ToResult(await bookings.RescheduleAsync(id, body.EventDate!.Value, body.EventTime, Actor.From(user), ct));

    private static async Task<Results<Ok<BookingRow>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        Guid id, CancelRequest body, BookingService bookings, ClaimsPrincipal user, CancellationToken ct) =>
        Validation.Validate(body) is { } errors
            ? TypedResults.ValidationProblem(errors)
            : ToResult(await bookings.CancelAsync(id, body.Reason, body.LeadOutcome, Actor.From(user), ct));

    private static async Task<Results<Ok<BookingRow>, ValidationProblem, ProblemHttpResult>> CompleteAsync(Guid id, BookingService bookings, ClaimsPrincipal user, CancellationToken ct) =>
        ToResult(await bookings.CompleteAsync(id, Actor.From(user), ct));

    private static async Task<Ok<ReplayResult>> ReplayAsync(BookingService bookings, CancellationToken ct)
    {
        var (streams, events) = await bookings.ReplayAsync(ct);
        return TypedResults.Ok(new ReplayResult(streams, events));
    }

    private static Results<Ok<BookingRow>, ValidationProblem, ProblemHttpResult> ToResult(CommandResult result) =>
        result.Booking is { } row ? TypedResults.Ok(row)
        : Invalid(result) is { } invalid ? invalid
        : Problem(result);

    private static Results<Created<BookingRow>, ValidationProblem, ProblemHttpResult> ToProblem(CommandResult result) =>
        Invalid(result) is { } invalid ? invalid : Problem(result);

    private static ValidationProblem? Invalid(CommandResult result) =>
        result is { NotFound: false, Conflict: null, Field: { } field }
            ? TypedResults.ValidationProblem(Validation.Error(field, result.Invalid ?? "Invalid value."))
            : null;

    private static ProblemHttpResult Problem(CommandResult result) =>
        result.NotFound ? TypedResults.Problem(statusCode: 404, title: "Booking not found")
        : result.Conflict is not null ? ApiProblems.Conflict("Conflict", result.Conflict)
        : TypedResults.Problem(statusCode: 400, title: "Invalid command", detail: result.Invalid);
}
