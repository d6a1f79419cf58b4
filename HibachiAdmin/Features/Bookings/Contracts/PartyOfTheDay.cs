namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>A party on a given day for Home: when, whose, its state, the chefs and how far its day has come.</summary>
public sealed record PartyOfTheDay(Guid BookingId, Guid ContactId, DateTime StartUtc, DateTime EndUtc, BookingStatus Status, int GuestCount,
    IReadOnlyList<string> ChefNames, DayOfStep Step, DateTime? StepAt);
