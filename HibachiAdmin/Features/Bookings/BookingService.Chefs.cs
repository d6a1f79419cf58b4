using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Chefs;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Bookings;

/// <summary>
/// Chefs on parties. A chef is free for a party when none of their other live parties overlaps it
/// (<see cref="PartyTimes"/>: half-open intervals, so back-to-back parties are fine) and it touches none of their
/// days off. The check reads the other bookings and the assignment commits with a new <see cref="Chef.ScheduleStamp"/>,
/// so two assignments of one chef saved at the same moment cannot both pass it.
/// </summary>
public sealed partial class BookingService
{
    public async Task<CommandResult> AssignChefAsync(Guid id, Guid chefId, int? seenVersion, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chef = await db.Set<Chef>().Include(c => c.DaysOff).FirstOrDefaultAsync(c => c.Id == chefId, ct);
        if (chef is null)
        {
            return new CommandResult(null, Invalid: "No chef has this id.", Field: "chefId");
        }
        if (!chef.Active)
        {
            return new CommandResult(null, Conflict: $"{chef.Name} is not active: make them active under Admin > Team first.");
        }
        return await ExecuteCheckedAsync(db, id, seenVersion, b => b.AssignChef(chef.Id, chef.Name), async booking =>
        {
            chef.ScheduleStamp = Guid.NewGuid();
            return await ChefBusyAsync(db, id, chef, booking.EventDate, booking.EventTime, ct);
        }, actor, ct);
    }

    public async Task<CommandResult> UnassignChefAsync(Guid id, Guid chefId, int? seenVersion, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var name = await db.Set<Chef>().AsNoTracking().Where(c => c.Id == chefId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return new CommandResult(null, Invalid: "No chef has this id.", Field: "chefId");
        }
        return await ExecuteCheckedAsync(db, id, seenVersion, b => b.UnassignChef(chefId, name), null, actor, ct);
    }

    /// <summary>Moves a party; refused (409) when one of its chefs is not free at the new time.</summary>
    private async Task<CommandResult> RescheduleCheckedAsync(Guid id, int? seenVersion, DateOnly date, TimeOnly? time, Actor actor, CancellationToken ct, bool tellCustomer = false)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ExecuteCheckedAsync(db, id, seenVersion, b => b.Reschedule(date, time, Today, tellCustomer), async booking =>
        {
            var chefs = await db.Set<Chef>().Include(c => c.DaysOff).Where(c => booking.ChefIds.Contains(c.Id)).OrderBy(c => c.Name).ToListAsync(ct);
            foreach (var chef in chefs)
            {
                chef.ScheduleStamp = Guid.NewGuid();
                if (await ChefBusyAsync(db, id, chef, date, time, ct) is { } busy)
                {
                    return busy;
                }
            }
            return null;
        }, actor, ct);
    }

    /// <summary>
    /// Why <paramref name="chef"/> cannot do a party on <paramref name="date"/> at <paramref name="time"/> (a day off, or
    /// another party of theirs overlapping it), or null when they can. <paramref name="bookingId"/> is the party itself.
    /// </summary>
    private async Task<string?> ChefBusyAsync(AppDbContext db, Guid bookingId, Chef chef, DateOnly date, TimeOnly? time, CancellationToken ct)
    {
        var zone = formats.Zone;
        var start = PartyTimes.StartUtc(date, time, zone);
        var end = start + PartyTimes.Length;
        var daysOff = chef.DaysOff.Select(d => d.Day).ToHashSet();
        if (PartyTimes.Days(start, end, zone).Where(daysOff.Contains).ToList() is [var off, ..])
        {
            return $"{chef.Name} is off on {Formats.LongDate(off)}.";
        }
        // A party lasts hours, not days: only parties dated the day before to the day after can meet this one.
        var (from, to) = (date.AddDays(-1), date.AddDays(1));
        var others = await db.Set<BookingChef>().AsNoTracking().Where(c => c.ChefId == chef.Id && c.BookingId != bookingId)
            .Join(db.Set<BookingRow>(), c => c.BookingId, r => r.Id, (c, r) => r)
            .Where(r => r.Status != BookingStatus.Cancelled && r.EventDate >= from && r.EventDate <= to)
            .Select(r => new { r.Id, r.EventDate, r.EventTime, r.ContactId }).ToListAsync(ct);
        foreach (var other in others.OrderBy(o => PartyTimes.StartUtc(o.EventDate, o.EventTime, zone)))
        {
            var otherStart = PartyTimes.StartUtc(other.EventDate, other.EventTime, zone);
            var otherEnd = otherStart + PartyTimes.Length;
            if (PartyTimes.Overlap(start, end, otherStart, otherEnd))
            {
                var customer = (await contacts.GetSummaryAsync(other.ContactId, ct))?.Name ?? "another customer";
                return $"{chef.Name} is already on {customer}'s party on {formats.Day(other.EventDate)} from {Formats.Time(TimeOnly.FromDateTime(formats.Local(otherStart)))} "
                    + $"to {Formats.Time(TimeOnly.FromDateTime(formats.Local(otherEnd)))} (booking {other.Id}); parties may meet end to start but not overlap.";
            }
        }
        return null;
    }

    /// <summary>
    /// Like <see cref="ExecuteAsync(Guid, int?, Func{Booking, Decision}, Actor, CancellationToken)"/> in the caller's context, with
    /// <paramref name="check"/> run (only when the command would record something) against the booking before anything is appended:
    /// a reason it returns is a 409 and nothing is stored.
    /// </summary>
    private async Task<CommandResult> ExecuteCheckedAsync(AppDbContext db, Guid id, int? seenVersion, Func<Booking, Decision> command,
        Func<Booking, Task<string?>>? check, Actor actor, CancellationToken ct)
    {
        var events = await EventStore.ReadStreamAsync(db, id, ct);
        if (events.Count == 0)
        {
            return new CommandResult(null, NotFound: true);
        }
        var booking = Booking.FromEvents(id, events);
        if (seenVersion is { } seen && seen != booking.Version)
        {
            return new CommandResult(null, Conflict: "This booking changed since the page showed it (see the timeline); nothing was done. Check it and try again.");
        }
        var decision = command(booking);
        if (decision.Events.Count > 0 && check is not null && await check(booking) is { } refusal)
        {
            return new CommandResult(null, Conflict: refusal);
        }
        var row = await db.Set<BookingRow>().Include(r => r.PaymentRows).Include(r => r.ChefRows).Include(r => r.Sheet).FirstOrDefaultAsync(r => r.Id == id, ct);
        return await CommitAsync(db, id, booking.Version, decision, row, actor, ct);
    }
}
