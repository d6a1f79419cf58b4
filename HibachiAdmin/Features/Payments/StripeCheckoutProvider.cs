using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace HibachiAdmin.Features.Payments;

/// <summary>
/// Stripe Checkout (<c>Payments:Provider=Stripe</c>): a fresh session per pay click for exactly the amount due, the
/// booking and installment in the session's and the payment intent's metadata, and our attempt id as the
/// idempotency key (a retried request never makes a second session).
/// </summary>
public sealed class StripeCheckoutProvider(IOptions<StripeOptions> options) : ICheckoutProvider
{
    public string Name => PaymentsOptions.Stripe;

    private StripeClient Client() => new(
        options.Value.SecretKey is { Length: > 0 } key ? key : throw new InvalidOperationException("Stripe:SecretKey is not set."),
        apiBase: options.Value.ApiBase);

    private static RequestOptions Request(string idempotencyKey) => new() { IdempotencyKey = idempotencyKey };

    public async Task<CheckoutSession> CreateAsync(CheckoutRequest request, CancellationToken ct)
    {
        var metadata = new Dictionary<string, string>
        {
            ["bookingId"] = request.BookingId.ToString(),
            ["installment"] = request.Installment,
            ["attemptId"] = request.AttemptId.ToString(),
        };
        var session = await new SessionService(Client()).CreateAsync(new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = request.BookingId.ToString(),
            Metadata = metadata,
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = metadata },
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = "usd",
                        UnitAmount = SandboxStripe.ToCents(request.Amount),
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = request.Description },
                    },
                },
            ],
            SuccessUrl = request.PageUrl + "?paid=1",
            CancelUrl = request.PageUrl + "?cancelled=1",
        }, Request($"checkout:{request.AttemptId}"), ct);
        return new CheckoutSession(session.Id, session.Url);
    }

    public async Task RefundAsync(string paymentIntentId, decimal amount, Guid refundRequestId, CancellationToken ct) =>
        await new RefundService(Client()).CreateAsync(new RefundCreateOptions { PaymentIntent = paymentIntentId, Amount = SandboxStripe.ToCents(amount) },
            Request($"refund:{refundRequestId}"), ct);
}
