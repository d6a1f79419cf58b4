using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Calendar;

/// <summary>
/// "Tell the customer" on a calendar move: off, nobody is texted; on, one text through the SMS service at the first moment
/// the texting rules allow (a move at 11 PM is not texted at 11 PM), carrying the latest date; someone who texted STOP
/// gets nothing; a move the chefs cannot make is refused whole.
/// </summary>
public sealed class MoveNoticeTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = TestClock.Frozen(new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero)); // 11 PM Tuesday in New York
    private readonly AppFactory _app;

    public MoveNoticeTests() => _app = new AppFactory { Time = _time }.With("Hangfire:ProcessJobs", "false");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private IBookingCalendar Calendar => _app.Services.GetRequiredService<IBookingCalendar>();

    private async Task<List<OutboundMessage>> TextsToAsync(string e164)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<OutboundMessage>().AsNoTracking().Where(m => m.To == e164).OrderBy(m => m.CreatedAt).ToListAsync();
    }

    private async Task<List<ScheduledMessage>> NoticesAsync(Guid bookingId)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<ScheduledMessage>().AsNoTracking().Where(m => m.BookingId == bookingId && m.Kind == ScheduledKind.RescheduleNotice).OrderBy(m => m.CreatedAt).ToListAsync();
    }

    private async Task DrainAsync()
    {
        await Pipeline.RunToCompletionAsync(_app.Services);
        await _app.Services.GetRequiredService<DueMessagesJob>().RunAsync(default);
    }

    [Fact]
    public async Task Told_at_eleven_at_night_the_customer_gets_one_text_in_the_morning_with_the_latest_date()
    {
        var (customer, phone) = await _app.CustomerAsync("Chloe Park");
        var party = await _app.PartyAsync(customer, new DateOnly(2026, 12, 12), new TimeOnly(18, 0));

        var first = await Calendar.MoveAsync(party.Id, party.Version, new DateOnly(2026, 12, 13), new TimeOnly(18, 0), tellCustomer: true, Actor.System, default);
        Assert.True(first.Ok);
        // Moved again before the morning: the customer hears the latest date, once.
        var second = await Calendar.MoveAsync(party.Id, first.Party!.Version, new DateOnly(2026, 12, 19), new TimeOnly(17, 30), tellCustomer: true, Actor.System, default);
        Assert.True(second.Ok);
        await DrainAsync();

        Assert.Empty(await TextsToAsync(phone.E164)); // not at 11 PM
        var notices = await NoticesAsync(party.Id);
        Assert.Equal([ScheduledStatus.Cancelled, ScheduledStatus.Pending], notices.Select(n => n.Status));
        var due = notices[1].DueAt;
        Assert.True(due > _time.GetUtcNow().UtcDateTime.AddHours(8), $"due {due:o}: inside the night"); // 8 AM at the earliest
        var sms = _app.Services.GetRequiredService<ISmsService>();
        Assert.Equal(await sms.EarliestAllowedSendTimeAsync(phone.E164, SmsPurpose.Transactional, _time.GetUtcNow().UtcDateTime, ["CT"], default), due);

        _time.SetUtcNow(new DateTimeOffset(due, TimeSpan.Zero));
        await DrainAsync();
        await DrainAsync();
        var text = Assert.Single(await TextsToAsync(phone.E164));
        Assert.Equal(SmsPurpose.Transactional, text.Purpose);
        Assert.Contains("moved to Saturday, Dec 19 at 5:30 PM for 20 guests", text.Text);
    }

    [Fact]
    public async Task Not_told_means_no_text_and_a_customer_who_opted_out_gets_none()
    {
        var (quiet, quietPhone) = await _app.CustomerAsync("Not Told");
        var notTold = await _app.PartyAsync(quiet, new DateOnly(2026, 12, 12), new TimeOnly(18, 0));
        var (stopped, stoppedPhone) = await _app.CustomerAsync("Said Stop", SmsConsent.OptedOut);
        var optedOut = await _app.PartyAsync(stopped, new DateOnly(2026, 12, 12), new TimeOnly(12, 0));

        Assert.True((await Calendar.MoveAsync(notTold.Id, notTold.Version, new DateOnly(2026, 12, 13), null, tellCustomer: false, Actor.System, default)).Ok);
        Assert.True((await Calendar.MoveAsync(optedOut.Id, optedOut.Version, new DateOnly(2026, 12, 13), null, tellCustomer: true, Actor.System, default)).Ok);
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.Zero)); // 1 PM: inside every texting window
        await DrainAsync();
        await DrainAsync();

        Assert.Empty(await NoticesAsync(notTold.Id));
        Assert.Empty(await TextsToAsync(quietPhone.E164));
        Assert.DoesNotContain(await TextsToAsync(stoppedPhone.E164), m => m.Status != OutboundStatus.Refused);
        Assert.Equal(ScheduledStatus.Refused, Assert.Single(await NoticesAsync(optedOut.Id)).Status);
    }

    [Fact]
    public async Task A_move_on_a_stale_page_or_into_the_past_or_onto_a_busy_chef_is_refused_and_records_nothing()
    {
        var (customer, _) = await _app.CustomerAsync("Refused Move");
        var party = await _app.PartyAsync(customer, new DateOnly(2026, 12, 12), new TimeOnly(18, 0));
        var other = await _app.PartyAsync(customer, new DateOnly(2026, 12, 13), new TimeOnly(18, 0));
        var chef = await _app.ChefAsync("Hiro Tanaka");
        await _app.AssignAsync(party.Id, chef);
        await _app.AssignAsync(other.Id, chef);
        var bookings = _app.Services.GetRequiredService<BookingService>();
        var seen = (await bookings.GetAsync(party.Id, default))!.Version;
        var events = (await bookings.EventsAsync(party.Id, default)).Count;

        var stale = await Calendar.MoveAsync(party.Id, seen - 1, new DateOnly(2026, 12, 14), null, true, Actor.System, default);
        Assert.NotNull(stale.Conflict);
        var past = await Calendar.MoveAsync(party.Id, seen, new DateOnly(2026, 11, 23), null, true, Actor.System, default);
        Assert.Equal("eventDate", past.Field);
        var busy = await Calendar.MoveAsync(party.Id, seen, new DateOnly(2026, 12, 13), new TimeOnly(19, 0), true, Actor.System, default);
        Assert.Contains("Hiro Tanaka is already on", busy.Conflict);

        Assert.Equal(events, (await bookings.EventsAsync(party.Id, default)).Count);
        await DrainAsync();
        Assert.Empty(await NoticesAsync(party.Id));
    }
}
