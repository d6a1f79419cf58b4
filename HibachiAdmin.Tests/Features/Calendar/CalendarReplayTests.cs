using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Calendar;

/// <summary>The calendar and its feed are read from the booking projection: replaying the event store gives them back identical.</summary>
public sealed class CalendarReplayTests
{
    [Fact]
    public async Task Replay_keeps_the_calendar_and_the_feed_identical()
    {
        await using var app = new AppFactory { Time = TestClock.Frozen() }.With("Hangfire:ProcessJobs", "false");
        var bookings = app.Services.GetRequiredService<BookingService>();
        var calendar = app.Services.GetRequiredService<CalendarService>();
        var feeds = app.Services.GetRequiredService<CalendarFeedService>();
        var (customer, _) = await app.CustomerAsync("Replay Person");
        var chef = await app.ChefAsync("Replay Chef");
        var moved = await app.PartyAsync(customer, new DateOnly(2026, 12, 5), new TimeOnly(18, 0));
        await bookings.ConfirmAsync(moved.Id, Actor.System, default);
        await app.AssignAsync(moved.Id, chef);
        await app.Services.GetRequiredService<IBookingCalendar>().MoveAsync(moved.Id, (await bookings.GetAsync(moved.Id, default))!.Version, new DateOnly(2026, 12, 6), new TimeOnly(17, 0), true, Actor.System, default);
        var cancelled = await app.PartyAsync(customer, new DateOnly(2026, 12, 6), null);
        await bookings.CancelAsync(cancelled.Id, "Rain", null, Actor.System, default);
        var paid = await app.PartyAsync(customer, new DateOnly(2026, 12, 6), new TimeOnly(12, 0), guests: 10);
        await bookings.DepositAsync(paid.Id, 600m, Actor.System, default);
        for (var i = 0; i < 2; i++)
        {
            await app.PartyAsync(customer, new DateOnly(2026, 12, 6), new TimeOnly(20, i * 30));
        }
        var all = new CalendarFilter(new HashSet<PartyState>(Enum.GetValues<PartyState>()));
        var token = await feeds.IssueAsync(CalendarFeedKind.Business, null, Actor.System, default);
        var feed = (await feeds.FindAsync(token, default))!;

        async Task<(string Days, string Feed)> SnapshotAsync() => (
            JsonSerializer.Serialize(await calendar.DaysAsync(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 13), all, default)),
            (await feeds.WriteAsync(feed, "https://hibachi.example", default))!);

        var before = await SnapshotAsync();
        Assert.Contains("\"Load\":3", before.Days); // Dec 6 is over capacity (4 chefs) before and after
        await bookings.ReplayAsync(default);
        var after = await SnapshotAsync();

        Assert.Equal(before.Days, after.Days);
        Assert.Equal(before.Feed, after.Feed);
    }
}
