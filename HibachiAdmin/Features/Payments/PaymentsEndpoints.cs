using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HibachiAdmin.Features.Payments;

/// <summary>Quotes, customer links and refunds of a booking (<c>/api/v1/bookings/{id}/…</c>).</summary>
public static class PaymentsEndpoints
{
    public sealed record PaymentLinkRequest([property: Required, StringLength(10)] string? Installment);
    public sealed record PaymentLinkResponse(string Url);
    public sealed record AddOnChoiceRequest([property: Required] Guid? AddOnId, [property: Required] int? Quantity);
    public sealed record CreateQuoteRequest([property: Required] int? Adults, int? Children, decimal? AdultPrice, decimal? ChildPrice,
        [property: MaxLength(50)] List<AddOnChoiceRequest>? AddOns, decimal? TravelFee, decimal? GratuityPercent, [property: StringLength(Quote.MaxTerms)] string? Terms);
    public sealed record QuoteDto(Guid Id, Guid BookingId, int Version, IReadOnlyList<QuoteLine> Lines, decimal Subtotal, decimal Travel, decimal Gratuity,
        decimal Tax, decimal Total, decimal Deposit, DateOnly BalanceDueDate, string? Terms, DateTime SentAt, DateTime? AcceptedAt, string? AcceptedBy, string? Url = null);
    public sealed record RefundRequest([property: Required] Guid? PaymentId, [property: Required] decimal? Amount);
    public sealed record RefundResponse(string Status);
    public sealed record RevokeResponse(int Revoked);

    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/bookings/{id:guid}").WithTags("Payments").RequireAuthorization(Policies.StaffPlus);
        group.MapPost("/payment-links", LinkAsync).WithSummary("A customer link that opens a fresh checkout for the deposit or the balance due");
        group.MapPost("/payment-links/revoke", RevokeAsync).WithSummary("Every customer link of the booking stops working");
        group.MapGet("/quotes", QuotesAsync).WithSummary("The booking's quote versions, newest first");
        group.MapPost("/quotes", SendQuoteAsync).WithSummary("Price and send a new quote version; returns it with the customer's link");
        group.MapPost("/refunds", RefundAsync).RequireAuthorization(Policies.ManagerPlus)
            .WithSummary("Refund part or all of a payment (Manager+); recorded when the provider confirms");
        var payments = app.MapGroup("/api/v1/payments").WithTags("Payments").RequireAuthorization(Policies.StaffPlus);
        payments.MapGet("/", ListAsync).WithSummary("Payments newest first (amounts in US dollars, refunds and disputes included)");
        app.MapGet("/api/v1/payments.csv", Csv).WithTags("Payments").RequireAuthorization(Policies.StaffPlus)
            .WithSummary("Every payment as CSV").Produces<string>(200, "text/csv");
        return app;
    }

    public sealed record PaymentDto(Guid Id, Guid? BookingId, string? Installment, decimal Amount, decimal Refunded, string Status, bool Disputed, DateTime? PaidAt);

    private static async Task<Results<Ok<PagedResult<PaymentDto>>, ValidationProblem>> ListAsync(int? page, int? pageSize, PaymentsLedger ledger, CancellationToken ct)
    {
        var paging = new PageRequest(page ?? 1, pageSize ?? 50);
        if (paging.Validate() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var result = await ledger.ListAsync(paging.Page, paging.PageSize, ct);
        return TypedResults.Ok(new PagedResult<PaymentDto>(result.Items.Select(p => new PaymentDto(p.Id, p.BookingId, p.Installment, p.Amount, p.Refunded,
            p.Disputed ? "disputed" : p.Refunded >= p.Amount && p.Amount > 0 ? "refunded" : p.Refunded > 0 ? "partiallyRefunded" : p.Status.ToString().ToLowerInvariant(),
            p.Disputed, p.PaidAt)).ToList(), result.Total));
    }

    private static PushStreamHttpResult Csv(PaymentsLedger ledger) =>
        TypedResults.Stream(async stream =>
        {
            await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            await foreach (var line in ledger.CsvAsync(CancellationToken.None))
            {
                await writer.WriteAsync(line);
                await writer.WriteAsync("\r\n");
            }
        }, "text/csv; charset=utf-8", "payments.csv");

    private static QuoteDto Dto(Quote q, string? url = null) => new(q.Id, q.BookingId, q.Version, PaymentsService.LinesOf(q), q.Subtotal, q.Travel, q.Gratuity,
        q.Tax, q.Total, q.Deposit, q.BalanceDueDate, q.Terms, q.SentAt, q.AcceptedAt, q.AcceptedName, url);

    private static async Task<Results<Created<PaymentLinkResponse>, ValidationProblem, ProblemHttpResult>> LinkAsync(
        Guid id, PaymentLinkRequest body, PaymentsService payments, HttpRequest request, IConfiguration configuration, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = Validation.Validate(body) ?? [];
        if (errors.Count == 0 && !Installments.IsKnown(body.Installment))
        {
            errors["installment"] = ["Expected deposit or balance."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var result = await payments.NewLinkAsync(id, body.Installment!, Actor.From(user), PublicUrls.Base(request, configuration), ct);
        return result.Url is { } url ? TypedResults.Created(url, new PaymentLinkResponse(url))
            : result.NotFound ? ApiProblems.NotFound("Booking", id)
            : ApiProblems.Conflict("Nothing due", result.Conflict ?? "");
    }

    private static async Task<Results<Ok<RevokeResponse>, ProblemHttpResult>> RevokeAsync(Guid id, PaymentsService payments, CancellationToken ct) =>
        TypedResults.Ok(new RevokeResponse(await payments.RevokeLinksAsync(id, ct)));

    private static async Task<Ok<IEnumerable<QuoteDto>>> QuotesAsync(Guid id, PaymentsService payments, CancellationToken ct) =>
        TypedResults.Ok((await payments.QuotesAsync(id, ct)).Select(q => Dto(q)));

    private static async Task<Results<Created<QuoteDto>, ValidationProblem, ProblemHttpResult>> SendQuoteAsync(
        Guid id, CreateQuoteRequest body, PaymentsService payments, HttpRequest request, IConfiguration configuration, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Validation.Validate(body) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var draft = new QuoteDraft(body.Adults!.Value, body.Children ?? 0, body.AdultPrice, body.ChildPrice,
            (body.AddOns ?? []).Select(a => new AddOnChoice(a.AddOnId!.Value, a.Quantity!.Value)).ToList(), body.TravelFee, body.GratuityPercent, body.Terms);
        var result = await payments.SendAsync(id, draft, Actor.From(user), PublicUrls.Base(request, configuration), ct);
        return result.Quote is { } quote ? TypedResults.Created($"/api/v1/bookings/{id}/quotes", Dto(quote, result.Url))
            : result.Errors is { } invalid ? TypedResults.ValidationProblem(invalid)
            : result.NotFound ? ApiProblems.NotFound("Booking", id)
            : ApiProblems.Conflict("Conflict", result.Conflict ?? "");
    }

    private static async Task<Results<Accepted<RefundResponse>, ValidationProblem, ProblemHttpResult>> RefundAsync(
        Guid id, RefundRequest body, PaymentsService payments, CancellationToken ct)
    {
        var errors = Validation.Validate(body) ?? [];
        Money.Validate(errors, "amount", body.Amount, Money.MaxAmount, positive: true);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (ok, error, field) = await payments.RefundAsync(id, body.PaymentId!.Value, body.Amount!.Value, ct);
        return ok ? TypedResults.Accepted($"/api/v1/bookings/{id}", new RefundResponse("requested"))
            : field is null ? ApiProblems.Conflict("Refund not taken", error)
            : TypedResults.ValidationProblem(Validation.Error(field, error ?? "Invalid refund."));
    }
}
