namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>A payment as the booking API shows it (dollars; status paid, partiallyRefunded, refunded or disputed).</summary>
public sealed record BookingPaymentView(string Installment, decimal Amount, string Status, DateTime? PaidAt, decimal Refunded = 0);
