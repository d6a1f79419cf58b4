using System.Text.Json;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Infrastructure.Events;

namespace HibachiAdmin.Features.Bookings;

/// <summary>The booking aggregate: state rebuilt from its events; commands check the invariants.</summary>
public sealed class Booking
{
    public const int MaxGuests = 200;

    public Guid Id { get; private set; }
    public int Version { get; private set; }
    public BookingStatus Status { get; private set; }
    public Guid ContactId { get; private set; }
    public Guid? LeadId { get; private set; }
    public DateOnly EventDate { get; private set; }
    public TimeOnly? EventTime { get; private set; }
    public int GuestCount { get; private set; }
    public decimal PricePerPerson { get; private set; }
    public decimal DepositPaid { get; private set; }
    public decimal Total => GuestCount * PricePerPerson;

    /// <summary>
    /// The commands that can succeed in <paramref name="status"/> (the same rules the commands check):
    /// a deposit while money is due on a live booking, confirm once, complete only a confirmed booking.
    /// </summary>
    public static BookingAction Allowed(BookingStatus status, decimal balanceDue) => status switch
    {
        BookingStatus.Requested => (balanceDue > 0 ? BookingAction.Deposit : BookingAction.None) | BookingAction.Confirm | BookingAction.Reschedule | BookingAction.Cancel,
        BookingStatus.Confirmed => (balanceDue > 0 ? BookingAction.Deposit : BookingAction.None) | BookingAction.Reschedule | BookingAction.Complete | BookingAction.Cancel,
        _ => BookingAction.None,
    };

    public static Booking FromEvents(Guid id, IEnumerable<StoredEvent> events)
    {
        var booking = new Booking { Id = id };
        foreach (var e in events)
        {
            booking.Apply(e.EventType, e.Data);
            booking.Version = e.Version;
        }
        return booking;
    }

    /// <summary>Tolerant reader: unknown event types are skipped, missing fields keep their defaults.</summary>
    public void Apply(string type, string json)
    {
        var o = EventStore.Json;
        switch (type)
        {
            case BookingEventTypes.Requested:
                var r = JsonSerializer.Deserialize<BookingRequested>(json, o)!;
                (ContactId, LeadId, EventDate, EventTime, GuestCount, PricePerPerson, Status) = (r.ContactId, r.LeadId, r.EventDate, r.EventTime, r.GuestCount, r.PricePerPerson, BookingStatus.Requested);
                break;
            case BookingEventTypes.Deposit:
                DepositPaid += JsonSerializer.Deserialize<DepositRecorded>(json, o)!.Amount;
                break;
            case BookingEventTypes.Confirmed:
                Status = BookingStatus.Confirmed;
                break;
            case BookingEventTypes.Rescheduled:
                var re = JsonSerializer.Deserialize<BookingRescheduled>(json, o)!;
                (EventDate, EventTime) = (re.EventDate, re.EventTime);
                break;
            case BookingEventTypes.Completed:
                Status = BookingStatus.Completed;
                break;
            case BookingEventTypes.Cancelled:
                Status = BookingStatus.Cancelled;
                break;
        }
    }

    public static Decision Request(BookingRequested r, DateOnly today)
    {
        if (r.GuestCount is < 1 or > MaxGuests)
        {
            return Decision.Reject($"Expected 1 to {MaxGuests} guests.", "guestCount");
        }
        if (r.EventDate < today)
        {
            return Decision.Reject("The event date is in the past.", "eventDate");
        }
        if (r.PricePerPerson <= 0)
        {
            return Decision.Reject("pricePerPerson must be positive.", "pricePerPerson");
        }
        return Decision.Of(BookingEventTypes.Requested, r);
    }

    public Decision RecordDeposit(decimal amount)
    {
        if (amount <= 0)
        {
            return Decision.Reject("The deposit amount must be positive.", "amount");
        }
        if (Status is BookingStatus.Cancelled or BookingStatus.Completed)
        {
            return Decision.StateConflict($"A {Status.ToString().ToLowerInvariant()} booking takes no deposit.");
        }
        if (DepositPaid + amount > Total)
        {
            return Decision.Reject($"The deposit would exceed the booking total of {Total:0.00}.", "amount");
        }
        return Decision.Of(BookingEventTypes.Deposit, new DepositRecorded(amount));
    }

    public Decision Confirm() => Status switch
    {
        BookingStatus.Requested => Decision.Of(BookingEventTypes.Confirmed, new BookingConfirmed()),
        BookingStatus.Confirmed => Decision.StateConflict("The booking is already confirmed."),
        _ => Decision.StateConflict($"A {Status.ToString().ToLowerInvariant()} booking cannot be confirmed."),
    };

    public Decision Reschedule(DateOnly date, TimeOnly? time, DateOnly today)
    {
        if (Status is BookingStatus.Cancelled or BookingStatus.Completed)
        {
            return Decision.StateConflict($"A {Status.ToString().ToLowerInvariant()} booking cannot be rescheduled.");
        }
        if (date < today)
        {
            return Decision.Reject("The new date is in the past.", "eventDate");
        }
        return Decision.Of(BookingEventTypes.Rescheduled, new BookingRescheduled(date, time));
    }

    public Decision Complete() => Status == BookingStatus.Confirmed
        ? Decision.Of(BookingEventTypes.Completed, new BookingCompleted())
        : Decision.StateConflict("Only a confirmed booking can be completed.");

    public Decision Cancel(string? reason, string? leadOutcome)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Decision.Reject("A cancellation needs a reason.", "reason");
        }
        if (leadOutcome is not (null or "lost" or "reopen"))
        {
            return Decision.Reject("Expected lost or reopen.", "leadOutcome");
        }
        return Status is BookingStatus.Cancelled or BookingStatus.Completed
            ? Decision.StateConflict($"A {Status.ToString().ToLowerInvariant()} booking cannot be cancelled.")
            : Decision.Of(BookingEventTypes.Cancelled, new BookingCancelled(reason.Trim(), leadOutcome));
    }
}
