namespace HibachiAdmin.Features.Bookings;

/// <summary>The cardholder's bank opened a dispute on one payment.</summary>
public sealed record PaymentDisputed(string PaymentId, decimal Amount, string? Reason);
