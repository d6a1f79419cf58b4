using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Bookings;

/// <summary>The bookings as calendars need them (<see cref="IBookingCalendar"/>): the calendar page and the calendar feeds.</summary>
public sealed partial class BookingService : IBookingCalendar
{
    private static readonly System.Linq.Expressions.Expression<Func<BookingRow, CalendarParty>> Party =
        b => new CalendarParty(b.Id, b.ContactId, b.Status, b.PaidInFullAt != null, b.EventDate, b.EventTime, b.GuestCount,
            b.Address, b.Zip, b.Package, b.Notes, b.Version, b.CreatedAt, b.UpdatedAt);

    public async Task<IReadOnlyList<CalendarParty>> PartiesAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var parties = await db.Set<BookingRow>().AsNoTracking().Where(b => b.EventDate >= from && b.EventDate <= to).Select(Party).ToListAsync(ct);
        // Sorted here: SQLite cannot order by a TimeOnly column through EF; a party without a time comes first in its day.
        return parties.OrderBy(p => p.EventDate).ThenBy(p => p.EventTime ?? TimeOnly.MinValue).ThenBy(p => p.CreatedAt).ToList();
    }

    public async Task<CalendarParty?> PartyAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<BookingRow>().AsNoTracking().Where(b => b.Id == id).Select(Party).FirstOrDefaultAsync(ct);
    }

    public async Task<MoveOutcome> MoveAsync(Guid id, int seenVersion, DateOnly date, TimeOnly? time, bool tellCustomer, Actor actor, CancellationToken ct)
    {
        // The same checked move as the booking page's and the API's: a chef on the party who is not free at the new time refuses it.
        var result = await RescheduleCheckedAsync(id, seenVersion, date, time, actor, ct, tellCustomer);
        if (result.Booking is not { } row)
        {
            return new MoveOutcome(null, result.Invalid, result.Conflict, result.NotFound, result.Field);
        }
        return new MoveOutcome(new CalendarParty(row.Id, row.ContactId, row.Status, row.PaidInFullAt != null, row.EventDate, row.EventTime, row.GuestCount,
            row.Address, row.Zip, row.Package, row.Notes, row.Version, row.CreatedAt, row.UpdatedAt));
    }
}
