using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Tests.Features.Calls;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Bookings;

public sealed class BookingModelTests
{
    [Fact]
    public void Old_event_payloads_still_load_with_the_tolerant_reader()
    {
        var id = Guid.NewGuid();
        // A v1 payload written before eventTime/package existed, plus an event type this build does not know.
        var events = new[]
        {
            new StoredEvent { Version = 1, EventType = BookingEventTypes.Requested, Data = """{"contactId":"3f2504e0-4f89-41d3-9a0c-0305e82c3301","eventDate":"2026-12-12","guestCount":12,"pricePerPerson":55}""" },
            new StoredEvent { Version = 2, EventType = "booking.menu-changed.v1", Data = """{"menu":"vegetarian"}""" },
            new StoredEvent { Version = 3, EventType = BookingEventTypes.Deposit, Data = """{"amount":100}""" },
        };
        var booking = Booking.FromEvents(id, events);
        Assert.Equal(3, booking.Version);
        Assert.Equal(BookingStatus.Requested, booking.Status);
        Assert.Equal(12 * 55m, booking.Total);
        Assert.Equal(100m, booking.DepositPaid);
        Assert.Null(booking.EventTime);
    }

    [Fact]
    public async Task Day_capacity_flags_overbooked_dates_and_revenue_counts_confirmed_parties()
    {
        await using var app = new AppFactory { Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero)), ConfigureTestServices = s => s.AddSingleton<Hangfire.IBackgroundJobClient>(new RecordingJobClient()) }.With("Hangfire:ProcessJobs", "false");
        var contact = (await app.Services.GetRequiredService<ContactService>().FindOrCreateByPhoneAsync("(212) 555-0181", "Busy Day", default))!.Value.Contact;
        var bookings = app.Services.GetRequiredService<BookingService>();
        var day = new DateOnly(2026, 12, 12);
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await bookings.RequestAsync(new BookingRequested(contact.Id, null, day, null, 10, 60m, null, null, null, null), Actor.System, default)).Booking!.Id);
        }
        await bookings.ConfirmAsync(ids[0], Actor.System, default);
        var load = Assert.Single(await bookings.CapacityAsync(day, day, chefsPerDay: 3, default));
        Assert.Equal(4, load.Bookings);
        Assert.True(load.Overbooked);
        await bookings.CancelAsync(ids[1], "duplicate", null, Actor.System, default);
        Assert.False(Assert.Single(await bookings.CapacityAsync(day, day, 3, default)).Overbooked);

        var revenue = Assert.Single(await bookings.RevenueAsync(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), default));
        Assert.Equal(1, revenue.Bookings);
        Assert.Equal(600m, revenue.Booked);
    }
}
