using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;

namespace HibachiAdmin.Features.Calendar;

/// <summary>
/// The calendar's days: parties from Bookings by their business day (a booking's date and time are the business's own,
/// as typed, so a party at 11:30 PM on the night the clocks change is on that day), their customers' names, their colours,
/// and each day's chefs booked against <c>Bookings:ChefsPerDay</c> (a party takes its assigned chefs, and one before any is).
/// </summary>
public sealed class CalendarService(IBookingCalendar bookings, IChefDirectory chefs, IContactService contacts, IConfiguration configuration, Formats formats)
{
    /// <summary>A month grid shows at most six weeks; a longer span is refused rather than read.</summary>
    public const int MaxDays = 62;

    public int ChefsPerDay => configuration.GetValue("Bookings:ChefsPerDay", 3);

    public DateOnly Today => formats.Today;

    public async Task<IReadOnlyList<CalendarDay>> DaysAsync(DateOnly from, DateOnly to, CalendarFilter filter, CancellationToken ct)
    {
        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"A calendar shows 1 to {MaxDays} days.");
        }
        var parties = await bookings.PartiesAsync(from, to, ct);
        var names = await contacts.GetSummariesAsync(parties.Select(p => p.ContactId).Distinct(), ct);
        var assigned = (await chefs.AssignmentsBetweenAsync(from, to, ct)).ToLookup(a => a.BookingId, a => a.ChefId);
        var chefNames = (await chefs.ListAsync(includeInactive: true, ct)).ToDictionary(c => c.Id, c => c.Name);
        var entries = parties.Select(p => new CalendarEntry(p, names.GetValueOrDefault(p.ContactId)?.Name ?? "Customer", PartyStates.Of(p))
        {
            Chefs = [.. assigned[p.Id].Distinct().Select(id => new AssignedChef(id, chefNames.GetValueOrDefault(id) ?? "Chef")).OrderBy(c => c.Name, StringComparer.Ordinal)],
        }).ToList();
        return Build(from, to, entries, ChefsPerDay, filter);
    }

    /// <summary>The chefs the calendar can filter by (active ones, by name).</summary>
    public Task<IReadOnlyList<ChefSummary>> ChefsAsync(CancellationToken ct) => chefs.ListAsync(includeInactive: false, ct);

    /// <summary>
    /// Every day from <paramref name="from"/> to <paramref name="to"/>, each with the parties the filter shows and the chefs
    /// booked by all of its parties that are not cancelled (a party takes its assigned chefs, and one before any is assigned).
    /// </summary>
    public static IReadOnlyList<CalendarDay> Build(DateOnly from, DateOnly to, IReadOnlyList<CalendarEntry> entries, int chefsPerDay, CalendarFilter filter)
    {
        var byDay = entries.ToLookup(e => e.Party.EventDate);
        var days = new List<CalendarDay>(to.DayNumber - from.DayNumber + 1);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var all = byDay[day].ToList();
            var shown = all.Where(e => filter.States.Contains(e.State)
                                       && (filter.Chefs is not { Count: > 0 } chefs || e.Chefs.Any(c => chefs.Contains(c.Id)))).ToList();
            days.Add(new CalendarDay(day, shown, all.Sum(e => e.ChefsTaken), chefsPerDay));
        }
        return days;
    }
}
