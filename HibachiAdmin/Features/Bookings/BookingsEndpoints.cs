using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Identity;

namespace HibachiAdmin.Features.Bookings;

public static class BookingsEndpoints
{
    public sealed record CreateBookingRequest([property: Required] Guid? ContactId, Guid? LeadId, [property: Required] DateOnly? EventDate, TimeOnly? EventTime,
        [property: Required] int? GuestCount, [property: Required] decimal? PricePerPerson, [property: StringLength(300)] string? Address,
        [property: StringLength(10)] string? Zip, [property: StringLength(100)] string? Package, [property: StringLength(4000)] string? Notes);
    public sealed record DepositRequest([property: Required] decimal? Amount);
    public sealed record RescheduleRequest([property: Required] DateOnly? EventDate, TimeOnly? EventTime);
    public sealed record CancelRequest([property: Required, StringLength(500)] string? Reason, string? LeadOutcome);
    public sealed record EventDto(int Version, string Type, System.Text.Json.JsonElement Data, string? User, DateTime At);

    public static IEndpointRouteBuilder MapBookingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/bookings").WithTags("Bookings").RequireAuthorization(Policies.StaffPlus);
        group.MapGet("/", async (BookingService s, int? page, int? pageSize, DateOnly? from, DateOnly? to, CancellationToken ct) =>
            new PageRequest(page ?? 1, pageSize ?? 50).Validate() is { } errors
                ? Results.ValidationProblem(errors)
                : Results.Ok(await s.ListAsync(from, to, page ?? 1, pageSize ?? 50, ct)));
        group.MapGet("/{id:guid}", async (Guid id, BookingService s, CancellationToken ct) =>
            await s.GetAsync(id, ct) is { } row ? Results.Ok(row) : Results.Problem(statusCode: 404, title: "Booking not found"));
        group.MapGet("/{id:guid}/events", async (Guid id, BookingService s, CancellationToken ct) =>
        {
            var events = await s.EventsAsync(id, ct);
            return events.Count == 0
                ? Results.Problem(statusCode: 404, title: "Booking not found")
                : Results.Ok(events.Select(e => new EventDto(e.Version, e.EventType, System.Text.Json.JsonDocument.Parse(e.Data).RootElement.Clone(), e.UserName, e.At)));
        });
        group.MapPost("/", async (CreateBookingRequest body, BookingService s, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (Validation.Validate(body) is { } errors)
            {
                return Results.ValidationProblem(errors);
            }
            var result = await s.RequestAsync(new BookingRequested(body.ContactId!.Value, body.LeadId, body.EventDate!.Value, body.EventTime, body.GuestCount!.Value,
                body.PricePerPerson!.Value, body.Address, body.Zip, body.Package, body.Notes), Actor.From(user), ct);
            return result.Booking is { } row ? Results.Created($"/api/v1/bookings/{row.Id}", row) : ToProblem(result);
        });
        group.MapPost("/{id:guid}/deposit", async (Guid id, DepositRequest body, BookingService s, ClaimsPrincipal user, CancellationToken ct) =>
            Validation.Validate(body) is { } errors ? Results.ValidationProblem(errors) : ToResult(await s.DepositAsync(id, body.Amount!.Value, Actor.From(user), ct)));
        group.MapPost("/{id:guid}/confirm", async (Guid id, BookingService s, ClaimsPrincipal user, CancellationToken ct) =>
            ToResult(await s.ConfirmAsync(id, Actor.From(user), ct)));
        group.MapPost("/{id:guid}/reschedule", async (Guid id, RescheduleRequest body, BookingService s, ClaimsPrincipal user, CancellationToken ct) =>
            Validation.Validate(body) is { } errors ? Results.ValidationProblem(errors) : ToResult(await s.RescheduleAsync(id, body.EventDate!.Value, body.EventTime, Actor.From(user), ct)));
        group.MapPost("/{id:guid}/cancel", async (Guid id, CancelRequest body, BookingService s, ClaimsPrincipal user, CancellationToken ct) =>
            Validation.Validate(body) is { } errors ? Results.ValidationProblem(errors) : ToResult(await s.CancelAsync(id, body.Reason, body.LeadOutcome, Actor.From(user), ct)));
        group.MapPost("/{id:guid}/complete", async (Guid id, BookingService s, ClaimsPrincipal user, CancellationToken ct) =>
            ToResult(await s.CompleteAsync(id, Actor.From(user), ct)));

        app.MapPost("/api/v1/admin/events/replay", async (BookingService bookings, CancellationToken ct) =>
        {
            var (streams, events) = await bookings.ReplayAsync(ct);
            return Results.Ok(new { bookings = streams, events });
        }).RequireAuthorization(Policies.Admin).WithTags("Events");
        return app;
    }

    private static IResult ToResult(CommandResult result) => result.Booking is { } row ? Results.Ok(row) : ToProblem(result);

    private static IResult ToProblem(CommandResult result) =>
        result.NotFound ? Results.Problem(statusCode: 404, title: "Booking not found")
        : result.Conflict is not null ? Results.Problem(statusCode: 409, title: "Conflict", detail: result.Conflict)
        : Results.Problem(statusCode: 400, title: "Invalid command", detail: result.Invalid);
}
