using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Infrastructure.Events;
using System.Text.Json;

namespace HibachiAdmin.Tests.Features.Bookings;

/// <summary>
/// The read model's values themselves (the replay test compares live with replay, which share the
/// projection, so it cannot see a field the projection forgets), and the field each refused command names.
/// </summary>
public sealed class BookingProjectionTests
{
    private static readonly DateTime At = TestClock.Start.UtcDateTime;

    private static void Apply(BookingRow row, string type, object data, int version, DateTime at) =>
        BookingProjection.Apply(row, type, JsonSerializer.Serialize(data, data.GetType(), EventStore.Json), version, at);

    [Fact]
    public void Every_event_lands_in_the_row()
    {
        var contact = Guid.NewGuid();
        var lead = Guid.NewGuid();
        var row = new BookingRow { Id = Guid.NewGuid() };
        Apply(row, BookingEventTypes.Requested, new BookingRequested(contact, lead, new DateOnly(2026, 12, 12), new TimeOnly(18, 30), 12, 59.5m, "1 Main St", "10001", "Deluxe", "nut allergy"), 1, At);
        Assert.Equal((contact, lead, new DateOnly(2026, 12, 12), (TimeOnly?)new TimeOnly(18, 30), 12, 59.5m, 714m), (row.ContactId, row.LeadId, row.EventDate, row.EventTime, row.GuestCount, row.PricePerPerson, row.Total));
        Assert.Equal(("1 Main St", "10001", "Deluxe", "nut allergy"), (row.Address, row.Zip, row.Package, row.Notes));
        Assert.Equal((BookingStatus.Requested, 1, At, At), (row.Status, row.Version, row.CreatedAt, row.UpdatedAt));

        Apply(row, BookingEventTypes.Deposit, new DepositRecorded(100m), 2, At.AddMinutes(1));
        Apply(row, BookingEventTypes.Deposit, new DepositRecorded(50.25m), 3, At.AddMinutes(2));
        Assert.Equal(150.25m, row.DepositPaid);
        Apply(row, BookingEventTypes.Confirmed, new BookingConfirmed(), 4, At.AddMinutes(3));
        Assert.Equal(BookingStatus.Confirmed, row.Status);
        Apply(row, BookingEventTypes.Rescheduled, new BookingRescheduled(new DateOnly(2026, 12, 19), null), 5, At.AddMinutes(4));
        Assert.Equal((new DateOnly(2026, 12, 19), (TimeOnly?)null), (row.EventDate, row.EventTime));
        Apply(row, BookingEventTypes.Cancelled, new BookingCancelled("Weather", "lost"), 6, At.AddMinutes(5));
        Assert.Equal((BookingStatus.Cancelled, "Weather", 6, At.AddMinutes(5), At), (row.Status, row.CancelReason, row.Version, row.UpdatedAt, row.CreatedAt));

        var done = new BookingRow();
        Apply(done, BookingEventTypes.Completed, new BookingCompleted(), 9, At);
        Assert.Equal(BookingStatus.Completed, done.Status);
    }

    public static TheoryData<string, Func<Decision>> Refusals() => new()
    {
        { "guestCount", () => Booking.Request(Request(guests: 0), Today) },
        { "eventDate", () => Booking.Request(Request(date: Today.AddDays(-1)), Today) },
        { "pricePerPerson", () => Booking.Request(Request(price: 0m), Today) },
        { "amount", () => Requested().RecordDeposit(0m) },
        { "amount", () => Requested().RecordDeposit(10_000m) },
        { "eventDate", () => Requested().Reschedule(Today.AddDays(-1), null, Today) },
        { "reason", () => Requested().Cancel(" ", null) },
        { "leadOutcome", () => Requested().Cancel("rain", "maybe") },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_refused_command_names_the_field_the_API_reports(string field, Func<Decision> decide)
    {
        var decision = decide();
        Assert.NotNull(decision.Invalid);
        Assert.Equal(field, decision.Field);
        Assert.Empty(decision.Events);
    }

    private static readonly DateOnly Today = new(2026, 11, 24);

    private static BookingRequested Request(int guests = 10, DateOnly? date = null, decimal price = 60m) =>
        new(Guid.NewGuid(), null, date ?? new DateOnly(2026, 12, 12), null, guests, price, null, null, null, null);

    private static Booking Requested() => Booking.FromEvents(Guid.NewGuid(),
        [new StoredEvent { Version = 1, EventType = BookingEventTypes.Requested, Data = JsonSerializer.Serialize(Request(), EventStore.Json) }]);
}
