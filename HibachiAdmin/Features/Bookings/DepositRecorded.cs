namespace HibachiAdmin.Features.Bookings;

public sealed record DepositRecorded(decimal Amount);
