using System.Text.Json;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Infrastructure.Events;

namespace HibachiAdmin.Features.Bookings;

/// <summary>The booking aggregate: state rebuilt from its events; commands check the invariants.</summary>
public sealed partial class Booking
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

    /// <summary>The latest quote's total once one was sent; before that guests × price per person.</summary>
    public decimal Total => QuotedTotal ?? GuestCount * PricePerPerson;
    public decimal? QuotedTotal { get; private set; }
    public decimal DepositDue { get; private set; }
    public Guid? QuoteId { get; private set; }
    public int QuoteVersion { get; private set; }
    public bool QuoteAccepted { get; private set; }

    /// <summary>The chefs on the party.</summary>
    public HashSet<Guid> ChefIds { get; } = [];

    /// <summary>How far the party's day has come (the chef's sheet), and whether the chef reported it done.</summary>
    public DayOfStep DayOf { get; private set; }

    /// <summary>Payments by id: what was paid and what was refunded on each.</summary>
    public Dictionary<string, (decimal Amount, decimal Refunded, bool Disputed)> Payments { get; } = [];

    /// <summary>Money kept: deposits recorded by hand plus payments net of refunds.</summary>
    public decimal AmountPaid => DepositPaid + Payments.Values.Sum(p => p.Amount - p.Refunded);

    /// <summary>
    /// The commands that can succeed in <paramref name="status"/> (the same rules the commands check):
    /// a deposit while money is due on a live booking, confirm once, complete only a confirmed booking whose
    /// party day has come (<paramref name="today"/> in the business's time zone).
    /// </summary>
    public static BookingAction Allowed(BookingStatus status, decimal balanceDue, DateOnly eventDate, DateOnly today) => status switch
    {
        BookingStatus.Requested => (balanceDue > 0 ? BookingAction.Deposit : BookingAction.None) | BookingAction.Confirm | BookingAction.Reschedule | BookingAction.Cancel,
        BookingStatus.Confirmed => (balanceDue > 0 ? BookingAction.Deposit : BookingAction.None) | BookingAction.Reschedule | BookingAction.Cancel
            | (today >= eventDate ? BookingAction.Complete : BookingAction.None),
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
            case BookingEventTypes.QuoteSent:
                var q = JsonSerializer.Deserialize<QuoteSent>(json, o)!;
                (QuoteId, QuoteVersion, QuotedTotal, DepositDue, QuoteAccepted) = (q.QuoteId, q.QuoteVersion, q.Total, q.Deposit, false);
                break;
            case BookingEventTypes.QuoteAccepted:
                QuoteAccepted = true;
                break;
            case BookingEventTypes.PaymentReceived:
                var p = JsonSerializer.Deserialize<PaymentReceived>(json, o)!;
                Payments[p.PaymentId] = (p.Amount, 0, false);
                break;
            case BookingEventTypes.PaymentRefunded:
                var rf = JsonSerializer.Deserialize<PaymentRefunded>(json, o)!;
                if (Payments.TryGetValue(rf.PaymentId, out var refunded))
                {
                    Payments[rf.PaymentId] = refunded with { Refunded = rf.RefundedTotal };
                }
                break;
            case BookingEventTypes.ChefAssigned:
                ChefIds.Add(JsonSerializer.Deserialize<ChefAssigned>(json, o)!.ChefId);
                break;
            case BookingEventTypes.ChefUnassigned:
                ChefIds.Remove(JsonSerializer.Deserialize<ChefUnassigned>(json, o)!.ChefId);
                break;
            case BookingEventTypes.GuestCountChanged:
                GuestCount = JsonSerializer.Deserialize<GuestCountChanged>(json, o)!.To;
                break;
            case BookingEventTypes.ChefOnTheWay:
                DayOf = DayOf < DayOfStep.OnTheWay ? DayOfStep.OnTheWay : DayOf;
                break;
            case BookingEventTypes.ChefArrived:
                DayOf = DayOf < DayOfStep.Arrived ? DayOfStep.Arrived : DayOf;
                break;
            case BookingEventTypes.PartyDone:
                DayOf = DayOfStep.Done;
                break;
            case BookingEventTypes.PaymentDisputed:
                var d = JsonSerializer.Deserialize<PaymentDisputed>(json, o)!;
                if (Payments.TryGetValue(d.PaymentId, out var disputed))
                {
                    Payments[d.PaymentId] = disputed with { Disputed = true };
                }
                break;
        }
    }

    /// <summary>A quote version goes out: it prices the booking from now on (the customer accepts it again).</summary>
    public Decision SendQuote(QuoteSent quote)
    {
        if (Status is BookingStatus.Cancelled or BookingStatus.Completed)
        {
            return Decision.StateConflict($"A {Status.ToString().ToLowerInvariant()} booking takes no quote.");
        }
        if (quote.Total <= 0)
        {
            return Decision.Reject("The quote total must be positive.", "total");
        }
        if (quote.Deposit < 0 || quote.Deposit > quote.Total)
        {
            return Decision.Reject("The deposit must be from 0 up to the quote total.", "deposit");
        }
        return Decision.Of(BookingEventTypes.QuoteSent, quote);
    }

    /// <summary>Only the quote version the customer was last sent can be accepted; accepting it twice changes nothing.</summary>
    public Decision AcceptQuote(Guid quoteId, int version, string acceptedBy)
    {
        if (QuoteId != quoteId || QuoteVersion != version)
        {
            return Decision.StateConflict("This quote was replaced by a newer one.");
        }
        if (QuoteAccepted)
        {
            return new Decision([]);
        }
        if (Status is BookingStatus.Cancelled or BookingStatus.Completed)
        {
            return Decision.StateConflict($"A {Status.ToString().ToLowerInvariant()} booking cannot be accepted.");
        }
        return Decision.Of(BookingEventTypes.QuoteAccepted, new QuoteAccepted(quoteId, version, acceptedBy));
    }

    /// <summary>
    /// Money received is always recorded (it was taken, whatever the booking's state), once per payment id.
    /// A requested booking whose paid money now covers the deposit due is confirmed in the same step.
    /// </summary>
    public Decision RecordPayment(PaymentReceived payment)
    {
        if (payment.Amount <= 0)
        {
            return Decision.Reject("The payment amount must be positive.", "amount");
        }
        if (Payments.ContainsKey(payment.PaymentId))
        {
            return new Decision([]);
        }
        var events = new List<(string, object)> { (BookingEventTypes.PaymentReceived, payment) };
        if (Status == BookingStatus.Requested && AmountPaid + payment.Amount >= DepositDue)
        {
            events.Add((BookingEventTypes.Confirmed, new BookingConfirmed()));
        }
        return new Decision(events);
    }

    /// <summary>Stripe reports the refunded total of a payment (cumulative): only the increase is recorded, so order and repeats do not matter.</summary>
    public Decision RecordRefund(string paymentId, decimal refundedTotal)
    {
        if (!Payments.TryGetValue(paymentId, out var p))
        {
            return Decision.StateConflict("No payment with this id on the booking.");
        }
        var total = Math.Min(refundedTotal, p.Amount);
        return total > p.Refunded
            ? Decision.Of(BookingEventTypes.PaymentRefunded, new PaymentRefunded(paymentId, total - p.Refunded, total))
            : new Decision([]);
    }

    public Decision RecordDispute(string paymentId, decimal amount, string? reason)
    {
        if (!Payments.TryGetValue(paymentId, out var p))
        {
            return Decision.StateConflict("No payment with this id on the booking.");
        }
        return p.Disputed ? new Decision([]) : Decision.Of(BookingEventTypes.PaymentDisputed, new PaymentDisputed(paymentId, amount, reason));
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
        if (AmountPaid + amount > Total)
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

    public Decision Reschedule(DateOnly date, TimeOnly? time, DateOnly today, bool tellCustomer = false)
    {
        if (Status is BookingStatus.Cancelled or BookingStatus.Completed)
        {
            return Decision.StateConflict($"A {Status.ToString().ToLowerInvariant()} booking cannot be rescheduled.");
        }
        if (date < today)
        {
            return Decision.Reject("The new date is in the past.", "eventDate");
        }
        return Decision.Of(BookingEventTypes.Rescheduled, new BookingRescheduled(date, time, tellCustomer));
    }

    /// <summary>The party is done: only a confirmed booking, and not before its day (<paramref name="today"/> in the business's time zone).</summary>
    public Decision Complete(DateOnly today)
    {
        if (Status != BookingStatus.Confirmed)
        {
            return Decision.StateConflict("Only a confirmed booking can be completed.");
        }
        return today < EventDate
            ? Decision.StateConflict($"The party is on {Common.Formats.LongDate(EventDate)}: it can be marked done on that day or after.")
            : Decision.Of(BookingEventTypes.Completed, new BookingCompleted());
    }

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
