using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Tests.Features.Calls;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
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
        Assert.Equal(id, booking.Id);
        Assert.Equal(3, booking.Version);
        Assert.Equal(BookingStatus.Requested, booking.Status);
        Assert.Equal(12 * 55m, booking.Total);
        Assert.Equal(100m, booking.DepositPaid);
        Assert.Null(booking.EventTime);
    }

    [Fact]
    public async Task Day_capacity_flags_overbooked_dates_and_revenue_counts_confirmed_parties()
    {
        await using var app = new AppFactory { Time = TestClock.Frozen(), ConfigureTestServices = s => s.AddSingleton<Hangfire.IBackgroundJobClient>(new RecordingJobClient()) }.With("Hangfire:ProcessJobs", "false");
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

    [Fact]
    public void The_booking_list_table_holds_every_value_the_API_accepts_exactly_and_is_indexed_for_its_lookups()
    {
        // The configuration on its own (a fresh model each time, not the context's cached one).
        var builder = new ModelBuilder();
        builder.ApplyConfiguration(new BookingRowConfiguration());
        var row = builder.Model.FindEntityType(typeof(BookingRow))!;
        Assert.Equal("BookingRows", row.GetTableName());

        // Text columns as long as the API's own limits (BookingsEndpoints validates with the same constants).
        int? Length(string property) => row.FindProperty(property)!.GetMaxLength();
        Assert.Equal([BookingRow.MaxAddress, BookingRow.MaxZip, BookingRow.MaxPackage, BookingRow.MaxNotes, BookingRow.MaxCancelReason],
            new[] { "Address", "Zip", "Package", "Notes", "CancelReason" }.Select(Length).ToArray());
        Assert.Equal((300, 10, 100, 4000, 500), (BookingRow.MaxAddress, BookingRow.MaxZip, BookingRow.MaxPackage, BookingRow.MaxNotes, BookingRow.MaxCancelReason));

        // The status is stored by name (readable, and safe if the enum is reordered), and every name fits.
        var status = row.FindProperty(nameof(BookingRow.Status))!;
        Assert.Equal(typeof(string), status.GetProviderClrType());
        Assert.Equal(20, status.GetMaxLength());
        Assert.All(Enum.GetNames<BookingStatus>(), name => Assert.InRange(name.Length, 1, 20));

        // Money to the cent: a price up to 99,999,999.99 per person, totals and deposits up to 9,999,999,999.99.
        (int?, int?) Money(string property) => (row.FindProperty(property)!.GetPrecision(), row.FindProperty(property)!.GetScale());
        Assert.Equal([(10, 2), (12, 2), (12, 2)], new[] { "PricePerPerson", "Total", "DepositPaid" }.Select(Money).ToArray());

        // The calendar reads by date, a contact's page by contact.
        Assert.Equal(["ContactId", "EventDate"], row.GetIndexes().Select(i => Assert.Single(i.Properties).Name).Order().ToArray());
    }
}
