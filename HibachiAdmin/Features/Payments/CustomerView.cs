using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Payments;

/// <summary>What the customer's page shows for a valid link: their party, the current quote and what is due.</summary>
public sealed record CustomerView(PayLink Link, BookingMoney Booking, Quote? Quote, IReadOnlyList<QuoteLine> Lines, string? NextInstallment, decimal DueNow);
