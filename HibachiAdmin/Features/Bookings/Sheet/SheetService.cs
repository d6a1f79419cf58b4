using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Chefs;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Bookings.Sheet;

/// <summary>
/// Builds the event sheet from the booking's read model, its chefs, the customer and the accepted quote's menu
/// (<see cref="IPartyMenuSource"/>), and opens it from a chef's texted link.
/// </summary>
public sealed class SheetService(
    IDbContextFactory<AppDbContext> dbFactory, BookingService bookings, ChefService chefs, IContactService contacts,
    IEnumerable<IPartyMenuSource> menus, Formats formats, TimeProvider time) : IPartiesOfTheDay
{
    /// <summary>How long after the party ends its chefs' links keep working (to report it done on the way home).</summary>
    public static readonly TimeSpan LinkGrace = TimeSpan.FromHours(6);

    public async Task<EventSheet?> GetAsync(Guid bookingId, CancellationToken ct)
    {
        var row = await bookings.GetAsync(bookingId, ct);
        if (row is null)
        {
            return null;
        }
        var start = PartyTimes.StartUtc(row.EventDate, row.EventTime, formats.Zone);
        var end = start + PartyTimes.Length;
        var details = row.Sheet ?? new BookingSheetRow { BookingId = row.Id };
        var onIt = row.ChefIds;
        var team = (await chefs.ListAsync(true, ct)).Where(c => onIt.Contains(c.Id)).OrderBy(c => onIt.ToList().IndexOf(c.Id)).ToList();
        PartyMenu? menu = null;
        foreach (var source in menus)
        {
            menu ??= await source.AcceptedMenuAsync(bookingId, ct);
        }
        var address = $"{row.Address} {row.Zip}".Trim();
        return new EventSheet(row, await contacts.GetSummaryAsync(row.ContactId, ct), team, menu, start, end,
            details.Dietary.OrderByDescending(d => d.Severity).ThenByDescending(d => d.Guests).ToList(), details.Equipment, details.GuestLog,
            Booking.GuestCountCutoffUtc(row.EventDate, bookings.GuestCountCutoffDays, formats.Zone), Timeline(row, details, start, end),
            address.Length == 0 ? null : $"https://www.google.com/maps/search/?api=1&query={Uri.EscapeDataString(address)}");
    }

    private List<SheetTimelineItem> Timeline(BookingRow row, BookingSheetRow details, DateTime start, DateTime end)
    {
        var day = row.EventDate;
        var plan = new List<SheetTimelineItem>();
        if (details.ArrivalTime is { } arrive)
        {
            plan.Add(new SheetTimelineItem("Chef arrives to set up", PartyTimes.StartUtc(day, arrive, formats.Zone), false));
        }
        plan.Add(new SheetTimelineItem("Party starts", start, false));
        if (details.ServeTime is { } serve)
        {
            plan.Add(new SheetTimelineItem("Cooking and serving starts", PartyTimes.StartUtc(day, serve, formats.Zone), false));
        }
        plan.Add(new SheetTimelineItem("Party ends", end, false));
        if (details.OnTheWayAt is { } way)
        {
            plan.Add(new SheetTimelineItem($"{details.OnTheWayBy ?? "The chef"} on the way", way, true));
        }
        if (details.ArrivedAt is { } arrived)
        {
            plan.Add(new SheetTimelineItem($"{details.ArrivedBy ?? "The chef"} arrived", arrived, true));
        }
        if (details.DoneAt is { } done)
        {
            plan.Add(new SheetTimelineItem($"Party done: {details.ActualGuests} guests ate", done, true));
        }
        return plan.OrderBy(p => p.AtUtc).ThenBy(p => p.Happened).ToList();
    }

    /// <summary>
    /// The sheet behind a chef's link, or null (a 404) for a malformed or unknown token, a chef no longer on the party, a
    /// cancelled party, or from <see cref="LinkGrace"/> after the party's end on.
    /// </summary>
    public async Task<ChefSheetAccess?> OpenAsync(string? token, CancellationToken ct)
    {
        if (!SheetTokens.IsWellFormed(token))
        {
            return null;
        }
        var hash = SheetTokens.Hash(token!);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.Set<ChefSheetLink>().AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null || await GetAsync(link.BookingId, ct) is not { } sheet)
        {
            return null;
        }
        var chef = sheet.Chefs.FirstOrDefault(c => c.Id == link.ChefId);
        var expired = time.GetUtcNow().UtcDateTime >= sheet.EndUtc + LinkGrace;
        return chef is null || expired || sheet.Booking.Status == BookingStatus.Cancelled ? null : new ChefSheetAccess(sheet, chef.Id, chef.Name);
    }

    public async Task<IReadOnlyList<PartyOfTheDay>> OnAsync(DateOnly day, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<BookingRow>().AsNoTracking().Include(r => r.ChefRows).Include(r => r.Sheet)
            .Where(r => r.EventDate == day && r.Status != BookingStatus.Cancelled).ToListAsync(ct);
        return rows.Select(r =>
            {
                var start = PartyTimes.StartUtc(r.EventDate, r.EventTime, formats.Zone);
                var step = r.Sheet?.Step ?? DayOfStep.NotStarted;
                var at = step switch { DayOfStep.Done => r.Sheet!.DoneAt, DayOfStep.Arrived => r.Sheet!.ArrivedAt, DayOfStep.OnTheWay => r.Sheet!.OnTheWayAt, _ => null };
                return new PartyOfTheDay(r.Id, r.ContactId, start, start + PartyTimes.Length, r.Status, r.GuestCount,
                    r.ChefRows.OrderBy(c => c.AssignedAt).Select(c => c.ChefName).ToList(), step, at);
            })
            .OrderBy(p => p.StartUtc).ToList();
    }
}
