namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>What other features may ask of Bookings (implemented by <c>BookingService</c>).</summary>
public interface IBookingService
{
    Task<IReadOnlyList<BookingSummary>> ForContactAsync(Guid contactId, CancellationToken ct);
    Task<IReadOnlyList<BookingSummary>> ForContactsAsync(IReadOnlyCollection<Guid> contactIds, DateTime fromUtc, DateTime toUtc, CancellationToken ct);
    Task<IReadOnlyList<BookingSummary>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct);
    Task<IReadOnlyList<BookingSummary>> OpenAsync(DateOnly from, CancellationToken ct);
    Task<IReadOnlySet<Guid>> ContactsWithEventsAsync(DateOnly from, DateOnly to, CancellationToken ct);
    /// <summary>
    /// The states of these contacts' parties from <paramref name="from"/> on (requested or confirmed), from each party's
    /// address and ZIP: where the person will be, for the texting-hours rules. Contacts without one are left out.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> UpcomingPartyStatesAsync(IReadOnlyCollection<Guid> contactIds, DateOnly from, CancellationToken ct);
    Task<BookingFacts?> GetFactsAsync(Guid id, CancellationToken ct);
    Task<IReadOnlyList<MonthRevenue>> RevenueAsync(DateOnly from, DateOnly to, CancellationToken ct);
    Task<(int Streams, int Events)> ReplayAsync(CancellationToken ct);
}
