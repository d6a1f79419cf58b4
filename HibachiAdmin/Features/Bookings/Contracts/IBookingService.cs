namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>What other features may ask of Bookings (implemented by <c>BookingService</c>).</summary>
public interface IBookingService
{
    Task<IReadOnlyList<BookingSummary>> ForContactAsync(Guid contactId, CancellationToken ct);
    Task<IReadOnlyList<BookingSummary>> ForContactsAsync(IReadOnlyCollection<Guid> contactIds, DateTime fromUtc, DateTime toUtc, CancellationToken ct);
    Task<IReadOnlyList<BookingSummary>> BetweenAsync(DateOnly from, DateOnly to, CancellationToken ct);
    Task<IReadOnlyList<BookingSummary>> OpenAsync(DateOnly from, CancellationToken ct);
    Task<IReadOnlySet<Guid>> ContactsWithEventsAsync(DateOnly from, DateOnly to, CancellationToken ct);
    Task<BookingFacts?> GetFactsAsync(Guid id, CancellationToken ct);
    Task<IReadOnlyList<MonthRevenue>> RevenueAsync(DateOnly from, DateOnly to, CancellationToken ct);
    Task<(int Streams, int Events)> ReplayAsync(CancellationToken ct);
}
