namespace HibachiAdmin.Features.Payments;

/// <summary>Creates checkout sessions and refunds: Stripe's API, or the local sandbox (<c>Payments:Provider</c>).</summary>
public interface ICheckoutProvider
{
    string Name { get; }
    Task<CheckoutSession> CreateAsync(CheckoutRequest request, CancellationToken ct);
    /// <summary>Asks for a refund on one payment; it is recorded when the provider's <c>charge.refunded</c> event arrives.</summary>
    Task RefundAsync(string paymentIntentId, decimal amount, Guid refundRequestId, CancellationToken ct);
}
