using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>
/// The booking's money, for Payments (quotes, pay links, Stripe events). Every write appends the booking's
/// own events inside the caller's transaction (never saves), so a payment and what it does to the booking
/// commit together or not at all. Payments, repeated or out of order, are recorded once.
/// </summary>
public interface IBookingMoney
{
    Task<BookingMoney?> GetMoneyAsync(Guid bookingId, CancellationToken ct);
    /// <summary>Open bookings (requested or confirmed) with money still due and a balance due date on or before <paramref name="dueBy"/>.</summary>
    Task<IReadOnlyList<BookingMoney>> BalancesDueAsync(DateOnly dueBy, CancellationToken ct);
    Task<MoneyOutcome> SendQuoteAsync(CrossFeatureTransaction tx, Guid bookingId, QuoteTerms terms, Actor actor, CancellationToken ct);
    Task<MoneyOutcome> AcceptQuoteAsync(CrossFeatureTransaction tx, Guid bookingId, Guid quoteId, int quoteVersion, string acceptedBy, CancellationToken ct);
    Task<MoneyOutcome> RecordPaymentAsync(CrossFeatureTransaction tx, Guid bookingId, ReceivedPayment payment, CancellationToken ct);
    /// <param name="refundedTotal">All refunded on this payment so far (Stripe's amount_refunded), in dollars.</param>
    Task<MoneyOutcome> RecordRefundAsync(CrossFeatureTransaction tx, Guid bookingId, string paymentId, decimal refundedTotal, CancellationToken ct);
    Task<MoneyOutcome> RecordDisputeAsync(CrossFeatureTransaction tx, Guid bookingId, string paymentId, decimal amount, string? reason, CancellationToken ct);
}
