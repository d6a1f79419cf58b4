namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>The parties of one business day with their chefs and day-of state (Home's "Today").</summary>
public interface IPartiesOfTheDay
{
    /// <summary>Parties dated <paramref name="day"/> that are not cancelled, by start time.</summary>
    Task<IReadOnlyList<PartyOfTheDay>> OnAsync(DateOnly day, CancellationToken ct);
}
