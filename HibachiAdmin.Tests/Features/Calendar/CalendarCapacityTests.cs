using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Calendar;

/// <summary>
/// Each day's chefs booked against <c>Bookings:ChefsPerDay</c>, counted on the business's own days: a party at 11:30 PM on
/// the night the clocks change belongs to that day (in UTC it is already the next one), and "today" is New York's.
/// </summary>
public sealed class CalendarCapacityTests(FrozenAppFactory app) : IClassFixture<FrozenAppFactory>
{
    private CalendarService Calendar => app.Services.GetRequiredService<CalendarService>();

    [Theory]
    [InlineData("2027-03-14")] // clocks go forward at 2 AM: 11:30 PM EDT is 03:30 UTC the next day
    [InlineData("2027-11-07")] // clocks go back at 2 AM: 11:30 PM EST is 04:30 UTC the next day
    public async Task A_party_at_half_past_eleven_on_the_night_the_clocks_change_counts_on_that_day(string day)
    {
        var date = DateOnly.Parse(day, Formats.Culture);
        var (customer, _) = await app.CustomerAsync("Dana Night");
        var party = await app.PartyAsync(customer, date, new TimeOnly(23, 30));

        var days = await Calendar.DaysAsync(date.AddDays(-1), date.AddDays(1), CalendarFilter.Default, default);

        var onTheDay = days.Single(d => d.Date == date);
        Assert.Contains(onTheDay.Parties, e => e.Id == party.Id);
        Assert.Equal(1, onTheDay.ChefsBooked);
        Assert.Equal(0, days.Single(d => d.Date == date.AddDays(1)).ChefsBooked);
        Assert.DoesNotContain(days.Single(d => d.Date == date.AddDays(1)).Parties, e => e.Id == party.Id);
    }

    [Fact]
    public async Task Today_is_the_business_day_at_eleven_at_night_on_the_spring_forward_day()
    {
        // 03:10 UTC on March 15 is 11:10 PM EDT on March 14 (EST's offset would still say 10:10 PM; UTC says the 15th).
        await using var late = new AppFactory { Time = TestClock.Frozen(new DateTimeOffset(2027, 3, 15, 3, 10, 0, TimeSpan.Zero)) }.With("Hangfire:ProcessJobs", "false");
        Assert.Equal(new DateOnly(2027, 3, 14), late.Services.GetRequiredService<CalendarService>().Today);
    }

    [Fact]
    public async Task A_day_is_full_at_the_chefs_there_are_and_over_capacity_past_them_and_cancelled_parties_take_no_chef()
    {
        var date = new DateOnly(2027, 1, 16);
        var (customer, _) = await app.CustomerAsync("Full Day");
        var bookings = app.Services.GetRequiredService<BookingService>();
        for (var i = 0; i < 3; i++)
        {
            await app.PartyAsync(customer, date, new TimeOnly(12 + i, 0));
        }
        var cancelled = await app.PartyAsync(customer, date, new TimeOnly(19, 0));
        await bookings.CancelAsync(cancelled.Id, "Weather", null, Actor.System, default);

        var full = (await Calendar.DaysAsync(date, date, CalendarFilter.Default, default))[0];
        Assert.Equal((3, 3, DayLoad.Full), (full.ChefsBooked, full.ChefsPerDay, full.Load));
        Assert.DoesNotContain(full.Parties, e => e.Id == cancelled.Id); // cancelled ones are hidden by default…
        var withCancelled = (await Calendar.DaysAsync(date, date, new CalendarFilter(new HashSet<PartyState>(Enum.GetValues<PartyState>())), default))[0];
        Assert.Contains(withCancelled.Parties, e => e.Id == cancelled.Id && e.State == PartyState.Cancelled); // …and shown when asked for

        await app.PartyAsync(customer, date, new TimeOnly(20, 0));
        var over = (await Calendar.DaysAsync(date, date, CalendarFilter.Default, default))[0];
        Assert.Equal((4, DayLoad.Over), (over.ChefsBooked, over.Load));

        // Hiding requested parties hides them, not their chefs: the day is still over capacity.
        var confirmedOnly = (await Calendar.DaysAsync(date, date, new CalendarFilter(new HashSet<PartyState> { PartyState.Confirmed }), default))[0];
        Assert.Empty(confirmedOnly.Parties);
        Assert.Equal(DayLoad.Over, confirmedOnly.Load);
    }

    [Fact]
    public void A_party_takes_its_assigned_chefs_and_one_before_any_is_assigned()
    {
        var date = new DateOnly(2027, 2, 6);
        CalendarEntry Entry(BookingStatus status, int chefs) => new(
            new CalendarParty(Guid.NewGuid(), Guid.NewGuid(), status, false, date, new TimeOnly(18, 0), 10, null, null, null, null, 1, default, default), "A", status == BookingStatus.Cancelled ? PartyState.Cancelled : PartyState.Confirmed)
        { Chefs = [.. Enumerable.Range(0, chefs).Select(i => new AssignedChef(Guid.NewGuid(), $"Chef {i}"))] };

        var days = CalendarService.Build(date, date, [Entry(BookingStatus.Confirmed, 0), Entry(BookingStatus.Confirmed, 2), Entry(BookingStatus.Cancelled, 3)], 3, new CalendarFilter(new HashSet<PartyState>(Enum.GetValues<PartyState>())));

        Assert.Equal(3, days[0].ChefsBooked); // 1 (none assigned yet) + 2 + 0 (cancelled)
        Assert.Equal(DayLoad.Full, days[0].Load);
    }

    [Theory]
    [InlineData(BookingStatus.Requested, false, PartyState.Requested)]
    [InlineData(BookingStatus.Confirmed, false, PartyState.Confirmed)]
    [InlineData(BookingStatus.Confirmed, true, PartyState.PaidInFull)]
    [InlineData(BookingStatus.Requested, true, PartyState.PaidInFull)]
    [InlineData(BookingStatus.Completed, true, PartyState.Done)]
    [InlineData(BookingStatus.Cancelled, true, PartyState.Cancelled)]
    public void A_partys_colour_is_its_state(BookingStatus status, bool paidInFull, PartyState expected)
    {
        var party = new CalendarParty(Guid.NewGuid(), Guid.NewGuid(), status, paidInFull, new DateOnly(2027, 1, 1), null, 10, null, null, null, null, 1, default, default);
        Assert.Equal(expected, PartyStates.Of(party));
    }

    [Fact]
    public void Every_state_has_its_own_colour_and_a_human_label()
    {
        var states = Enum.GetValues<PartyState>();
        Assert.Equal(states.Length, states.Select(s => s.CssClass()).Distinct().Count());
        Assert.Equal(["Requested", "Confirmed", "Paid in full", "Done", "Cancelled"], states.Select(s => s.Label()));
    }
}
