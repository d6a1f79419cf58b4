namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>
/// One party a chef is assigned to (a row per chef and party): when it is (start and end in UTC, from
/// <see cref="PartyTimes"/>), where, how many guests, its state and every chef on it.
/// </summary>
public sealed record ChefParty(Guid BookingId, Guid ChefId, DateOnly EventDate, TimeOnly? EventTime, DateTime StartUtc, DateTime EndUtc,
    BookingStatus Status, int GuestCount, string? Address, string? Zip, Guid ContactId, IReadOnlyList<Guid> ChefIds);
