using System.Text.Json;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Infrastructure.Events;

namespace HibachiAdmin.Tests.Features.Bookings;

/// <summary>
/// Every command in every booking state: the transitions a booking may make (Requested → Confirmed →
/// Completed; Requested/Confirmed → Cancelled; deposits and reschedules while open) and the ones it
/// must refuse with a conflict (409), plus the input rules (400) and how events rebuild the state.
/// </summary>
public sealed class BookingTransitionTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly Guid ContactId = Guid.Parse("3f2504e0-4f89-41d3-9a0c-0305e82c3301");

    private static StoredEvent Event(int version, string type, object data) =>
        new() { Version = version, EventType = type, Data = JsonSerializer.Serialize(data, EventStore.Json) };

    private static Booking InState(BookingStatus status)
    {
        var events = new List<StoredEvent>
        {
            Event(1, BookingEventTypes.Requested, new BookingRequested(ContactId, null, new DateOnly(2026, 12, 12), new TimeOnly(18, 0), 10, 60m, null, null, null, null)),
        };
        if (status is BookingStatus.Confirmed or BookingStatus.Completed)
        {
            events.Add(Event(2, BookingEventTypes.Confirmed, new BookingConfirmed()));
        }
        if (status == BookingStatus.Completed)
        {
            events.Add(Event(3, BookingEventTypes.Completed, new BookingCompleted()));
        }
        if (status == BookingStatus.Cancelled)
        {
            events.Add(Event(2, BookingEventTypes.Cancelled, new BookingCancelled("rain", null)));
        }
        var booking = Booking.FromEvents(Guid.NewGuid(), events);
        Assert.Equal(status, booking.Status);
        return booking;
    }

    private static readonly Dictionary<string, Func<Booking, Decision>> Commands = new()
    {
        ["confirm"] = b => b.Confirm(),
        ["complete"] = b => b.Complete(b.EventDate), // on the party's day
        ["cancel"] = b => b.Cancel("Customer moved away", "lost"),
        ["reschedule"] = b => b.Reschedule(new DateOnly(2026, 12, 19), new TimeOnly(17, 0), Today),
        ["deposit"] = b => b.RecordDeposit(100m),
    };

    private static readonly Dictionary<string, string> EventOf = new()
    {
        ["confirm"] = BookingEventTypes.Confirmed,
        ["complete"] = BookingEventTypes.Completed,
        ["cancel"] = BookingEventTypes.Cancelled,
        ["reschedule"] = BookingEventTypes.Rescheduled,
        ["deposit"] = BookingEventTypes.Deposit,
    };

    /// <summary>state, command, allowed (else a 409 conflict naming the state).</summary>
    public static TheoryData<BookingStatus, string, bool> Transitions() => new()
    {
        { BookingStatus.Requested, "confirm", true },
        { BookingStatus.Requested, "complete", false },
        { BookingStatus.Requested, "cancel", true },
        { BookingStatus.Requested, "reschedule", true },
        { BookingStatus.Requested, "deposit", true },
        { BookingStatus.Confirmed, "confirm", false },
        { BookingStatus.Confirmed, "complete", true },
        { BookingStatus.Confirmed, "cancel", true },
        { BookingStatus.Confirmed, "reschedule", true },
        { BookingStatus.Confirmed, "deposit", true },
        { BookingStatus.Completed, "confirm", false },
        { BookingStatus.Completed, "complete", false },
        { BookingStatus.Completed, "cancel", false },
        { BookingStatus.Completed, "reschedule", false },
        { BookingStatus.Completed, "deposit", false },
        { BookingStatus.Cancelled, "confirm", false },
        { BookingStatus.Cancelled, "complete", false },
        { BookingStatus.Cancelled, "cancel", false },
        { BookingStatus.Cancelled, "reschedule", false },
        { BookingStatus.Cancelled, "deposit", false },
    };

    [Fact]
    public void The_transition_table_covers_every_state_and_command()
    {
        var covered = Transitions().Select(row => ((BookingStatus)row[0], (string)row[1])).ToHashSet();
        Assert.Equal(Enum.GetValues<BookingStatus>().Length * Commands.Count, covered.Count);
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Each_command_in_each_state_is_allowed_or_a_conflict(BookingStatus state, string command, bool allowed)
    {
        var booking = InState(state);
        var decision = Commands[command](booking);
        Assert.Null(decision.Invalid);
        if (allowed)
        {
            Assert.Null(decision.Conflict);
            var (type, _) = Assert.Single(decision.Events);
            Assert.Equal(EventOf[command], type);

            // Applying the event moves the booking where the command said.
            var (t, data) = decision.Events[0];
            booking.Apply(t, JsonSerializer.Serialize(data, EventStore.Json));
            var expected = command switch
            {
                "confirm" => BookingStatus.Confirmed,
                "complete" => BookingStatus.Completed,
                "cancel" => BookingStatus.Cancelled,
                _ => state,
            };
            Assert.Equal(expected, booking.Status);
        }
        else
        {
            Assert.Empty(decision.Events);
            Assert.NotNull(decision.Conflict);
            if (command != "complete")
            {
                Assert.Contains(state.ToString().ToLowerInvariant(), decision.Conflict);
            }
        }
    }

    [Fact]
    public void A_confirmed_party_is_completed_on_its_day_or_after_never_before()
    {
        var booking = InState(BookingStatus.Confirmed); // the party is on Saturday 12 December
        var party = new DateOnly(2026, 12, 12);
        foreach (var early in new[] { Today, party.AddDays(-1) })
        {
            var refused = booking.Complete(early);
            Assert.Empty(refused.Events);
            Assert.Equal("The party is on Saturday, December 12, 2026: it can be marked done on that day or after.", refused.Conflict);
        }
        Assert.Equal(BookingEventTypes.Completed, Assert.Single(booking.Complete(party).Events).Type);
        Assert.Equal(BookingEventTypes.Completed, Assert.Single(booking.Complete(party.AddDays(9)).Events).Type);
    }

    [Fact]
    public void Conflict_messages_say_what_is_wrong()
    {
        Assert.Equal("The booking is already confirmed.", InState(BookingStatus.Confirmed).Confirm().Conflict);
        Assert.Equal("A cancelled booking cannot be confirmed.", InState(BookingStatus.Cancelled).Confirm().Conflict);
        Assert.Equal("A completed booking cannot be confirmed.", InState(BookingStatus.Completed).Confirm().Conflict);
        Assert.Equal("Only a confirmed booking can be completed.", InState(BookingStatus.Requested).Complete(Today).Conflict);
        Assert.Equal("A completed booking cannot be cancelled.", InState(BookingStatus.Completed).Cancel("x", null).Conflict);
        Assert.Equal("A cancelled booking cannot be rescheduled.", InState(BookingStatus.Cancelled).Reschedule(Today, null, Today).Conflict);
        Assert.Equal("A completed booking takes no deposit.", InState(BookingStatus.Completed).RecordDeposit(10).Conflict);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(200, true)]
    [InlineData(201, false)]
    [InlineData(-5, false)]
    public void A_request_takes_1_to_200_guests(int guests, bool valid)
    {
        var decision = Booking.Request(new BookingRequested(ContactId, null, Today, null, guests, 60m, null, null, null, null), Today);
        Assert.Equal(valid, decision.Invalid is null);
        Assert.Equal(valid ? 1 : 0, decision.Events.Count);
        if (!valid)
        {
            Assert.Equal("Expected 1 to 200 guests.", decision.Invalid);
            Assert.Equal("guestCount", decision.Field);
        }
    }

    [Fact]
    public void A_request_needs_a_date_from_today_and_a_positive_price()
    {
        BookingRequested Request(DateOnly date, decimal price) => new(ContactId, null, date, null, 10, price, null, null, null, null);
        Assert.Equal("The event date is in the past.", Booking.Request(Request(Today.AddDays(-1), 60m), Today).Invalid);
        var today = Booking.Request(Request(Today, 60m), Today);
        Assert.Null(today.Invalid);
        var (type, data) = Assert.Single(today.Events);
        Assert.Equal(BookingEventTypes.Requested, type);
        Assert.Equal(Request(Today, 60m), data);
        Assert.Equal("pricePerPerson must be positive.", Booking.Request(Request(Today, 0m), Today).Invalid);
        Assert.Equal("pricePerPerson must be positive.", Booking.Request(Request(Today, -1m), Today).Invalid);
        Assert.Null(Booking.Request(Request(Today, 0.01m), Today).Invalid);
    }

    [Fact]
    public void Deposits_are_positive_and_never_exceed_the_total()
    {
        var booking = InState(BookingStatus.Requested); // 10 guests × 60 = 600
        Assert.Equal(600m, booking.Total);
        Assert.Equal("The deposit amount must be positive.", booking.RecordDeposit(0m).Invalid);
        Assert.Equal("The deposit amount must be positive.", booking.RecordDeposit(-10m).Invalid);
        // An invalid amount is a 400 even on a closed booking.
        Assert.Equal("The deposit amount must be positive.", InState(BookingStatus.Cancelled).RecordDeposit(0m).Invalid);
        Assert.Equal("The deposit would exceed the booking total of 600.00.", booking.RecordDeposit(600.01m).Invalid);
        var all = booking.RecordDeposit(600m);
        Assert.Null(all.Invalid);
        Assert.Equal(new DepositRecorded(600m), Assert.Single(all.Events).Data);

        booking.Apply(BookingEventTypes.Deposit, """{"amount":450}""");
        booking.Apply(BookingEventTypes.Deposit, """{"amount":100}""");
        Assert.Equal(550m, booking.DepositPaid);
        Assert.Null(booking.RecordDeposit(50m).Invalid);
        Assert.Equal("The deposit would exceed the booking total of 600.00.", booking.RecordDeposit(50.01m).Invalid);
    }

    [Fact]
    public void Rescheduling_needs_a_date_from_today_and_moves_the_party()
    {
        var booking = InState(BookingStatus.Confirmed);
        Assert.Equal("The new date is in the past.", booking.Reschedule(Today.AddDays(-1), null, Today).Invalid);
        var decision = booking.Reschedule(Today, new TimeOnly(12, 30), Today);
        var (type, data) = Assert.Single(decision.Events);
        Assert.Equal(new BookingRescheduled(Today, new TimeOnly(12, 30)), data);
        booking.Apply(type, JsonSerializer.Serialize(data, EventStore.Json));
        Assert.Equal(Today, booking.EventDate);
        Assert.Equal(new TimeOnly(12, 30), booking.EventTime);
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
    }

    [Theory]
    [InlineData(null, "A cancellation needs a reason.")]
    [InlineData("", "A cancellation needs a reason.")]
    [InlineData("   ", "A cancellation needs a reason.")]
    public void A_cancellation_needs_a_reason(string? reason, string message) =>
        Assert.Equal(message, InState(BookingStatus.Confirmed).Cancel(reason, null).Invalid);

    [Theory]
    [InlineData(null)]
    [InlineData("lost")]
    [InlineData("reopen")]
    public void A_cancellation_carries_the_trimmed_reason_and_the_lead_outcome(string? outcome)
    {
        var decision = InState(BookingStatus.Requested).Cancel("  Venue fell through ", outcome);
        Assert.Equal(new BookingCancelled("Venue fell through", outcome), Assert.Single(decision.Events).Data);
    }

    [Theory]
    [InlineData("Lost")]
    [InlineData("qualified")]
    [InlineData("")]
    public void An_unknown_lead_outcome_is_refused(string outcome)
    {
        var decision = InState(BookingStatus.Requested).Cancel("rain", outcome);
        Assert.Equal(("Expected lost or reopen.", "leadOutcome"), (decision.Invalid, decision.Field));
    }

    [Fact]
    public void Events_rebuild_every_field_and_the_version()
    {
        var lead = Guid.NewGuid();
        var booking = Booking.FromEvents(Guid.NewGuid(),
        [
            Event(1, BookingEventTypes.Requested, new BookingRequested(ContactId, lead, new DateOnly(2026, 12, 12), null, 12, 55m, "1 Main St", "10001", "Deluxe", "nut allergy")),
            Event(2, BookingEventTypes.Deposit, new DepositRecorded(100m)),
            Event(3, BookingEventTypes.Rescheduled, new BookingRescheduled(new DateOnly(2026, 12, 13), new TimeOnly(16, 0))),
            Event(4, BookingEventTypes.Confirmed, new BookingConfirmed()),
            Event(5, BookingEventTypes.Deposit, new DepositRecorded(50m)),
        ]);
        Assert.Equal(5, booking.Version);
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Equal(ContactId, booking.ContactId);
        Assert.Equal(lead, booking.LeadId);
        Assert.Equal(new DateOnly(2026, 12, 13), booking.EventDate);
        Assert.Equal(new TimeOnly(16, 0), booking.EventTime);
        Assert.Equal(12, booking.GuestCount);
        Assert.Equal(55m, booking.PricePerPerson);
        Assert.Equal(150m, booking.DepositPaid);
        Assert.Equal(660m, booking.Total);
    }

    private static Booking Applied(Booking booking, Decision decision)
    {
        foreach (var (type, data) in decision.Events)
        {
            booking.Apply(type, JsonSerializer.Serialize(data, EventStore.Json));
        }
        return booking;
    }

    private static QuoteSent Quote(decimal total, decimal deposit, int version = 1, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), version, total, deposit, new DateOnly(2026, 12, 9));

    [Fact]
    public void A_quote_needs_a_positive_total_and_a_deposit_from_zero_to_that_total_and_then_prices_the_booking()
    {
        var booking = InState(BookingStatus.Requested);
        Assert.Equal(("The quote total must be positive.", "total"), (booking.SendQuote(Quote(0m, 0m)).Invalid, booking.SendQuote(Quote(0m, 0m)).Field));
        Assert.Equal("The quote total must be positive.", booking.SendQuote(Quote(-1m, 0m)).Invalid);
        Assert.Equal(("The deposit must be from 0 up to the quote total.", "deposit"), (booking.SendQuote(Quote(800m, -0.01m)).Invalid, booking.SendQuote(Quote(800m, -0.01m)).Field));
        Assert.Equal("The deposit must be from 0 up to the quote total.", booking.SendQuote(Quote(800m, 800.01m)).Invalid);
        Assert.Empty(booking.SendQuote(Quote(800m, 800.01m)).Events);
        Assert.Null(booking.SendQuote(Quote(0.01m, 0m)).Invalid);
        Assert.Null(booking.SendQuote(Quote(800m, 800m)).Invalid);

        var quote = Quote(812.50m, 203.13m);
        var sent = booking.SendQuote(quote);
        Assert.Equal((BookingEventTypes.QuoteSent, (object)quote), Assert.Single(sent.Events));
        Applied(booking, sent);
        Assert.Equal((812.50m, 203.13m, quote.QuoteId, 1, false), (booking.Total, booking.DepositDue, booking.QuoteId, booking.QuoteVersion, booking.QuoteAccepted));
    }

    [Theory]
    [InlineData(BookingStatus.Cancelled, "A cancelled booking takes no quote.")]
    [InlineData(BookingStatus.Completed, "A completed booking takes no quote.")]
    public void A_closed_booking_takes_no_quote(BookingStatus state, string conflict)
    {
        var decision = InState(state).SendQuote(Quote(800m, 200m));
        Assert.Equal((conflict, null), (decision.Conflict, decision.Invalid));
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Only_the_quote_last_sent_can_be_accepted_once_and_a_new_version_must_be_accepted_again()
    {
        var booking = InState(BookingStatus.Requested);
        var first = Quote(800m, 200m);
        Applied(booking, booking.SendQuote(first));
        Assert.Equal("This quote was replaced by a newer one.", booking.AcceptQuote(Guid.NewGuid(), 1, "Pat").Conflict);
        Assert.Equal("This quote was replaced by a newer one.", booking.AcceptQuote(first.QuoteId, 2, "Pat").Conflict);

        var accepted = booking.AcceptQuote(first.QuoteId, 1, "Pat");
        Assert.Null(accepted.Conflict);
        Assert.Equal((BookingEventTypes.QuoteAccepted, (object)new QuoteAccepted(first.QuoteId, 1, "Pat")), Assert.Single(accepted.Events));
        Applied(booking, accepted);
        Assert.True(booking.QuoteAccepted);
        var again = booking.AcceptQuote(first.QuoteId, 1, "Pat");
        Assert.Equal((null, null), (again.Conflict, again.Invalid));
        Assert.Empty(again.Events);

        var second = Quote(900m, 225m, version: 2);
        Applied(booking, booking.SendQuote(second));
        Assert.False(booking.QuoteAccepted);
        Assert.Equal("This quote was replaced by a newer one.", booking.AcceptQuote(first.QuoteId, 1, "Pat").Conflict);
        Assert.Single(booking.AcceptQuote(second.QuoteId, 2, "Pat").Events);
    }

    [Theory]
    [InlineData(BookingStatus.Cancelled, "A cancelled booking cannot be accepted.")]
    [InlineData(BookingStatus.Completed, "A completed booking cannot be accepted.")]
    public void A_closed_bookings_quote_cannot_be_accepted(BookingStatus state, string conflict)
    {
        var booking = InState(state);
        var quote = Quote(800m, 200m);
        booking.Apply(BookingEventTypes.QuoteSent, JsonSerializer.Serialize(quote, EventStore.Json));
        var decision = booking.AcceptQuote(quote.QuoteId, 1, "Pat");
        Assert.Equal(conflict, decision.Conflict);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void A_payment_is_positive_recorded_once_per_id_and_confirms_a_requested_booking_once_it_covers_the_deposit_due()
    {
        var booking = InState(BookingStatus.Requested);
        Applied(booking, booking.SendQuote(Quote(800m, 200m)));
        PaymentReceived Paid(string id, decimal amount) => new(id, "deposit", amount, "cs_" + id);
        Assert.Equal(("The payment amount must be positive.", "amount"), (booking.RecordPayment(Paid("pi_0", 0m)).Invalid, booking.RecordPayment(Paid("pi_0", 0m)).Field));
        Assert.Equal("The payment amount must be positive.", booking.RecordPayment(Paid("pi_0", -5m)).Invalid);

        // One cent short of the deposit: recorded, still requested.
        var short1 = booking.RecordPayment(Paid("pi_1", 199.99m));
        Assert.Equal((BookingEventTypes.PaymentReceived, (object)Paid("pi_1", 199.99m)), Assert.Single(short1.Events));
        Applied(booking, short1);
        Assert.Equal((BookingStatus.Requested, 199.99m), (booking.Status, booking.AmountPaid));
        Assert.Empty(booking.RecordPayment(Paid("pi_1", 199.99m)).Events); // the same payment again

        // The next cent covers it exactly: recorded and confirmed in the same step.
        var cent = booking.RecordPayment(Paid("pi_2", 0.01m));
        Assert.Equal([BookingEventTypes.PaymentReceived, BookingEventTypes.Confirmed], cent.Events.Select(e => e.Type));
        Applied(booking, cent);
        Assert.Equal((BookingStatus.Confirmed, 200m), (booking.Status, booking.AmountPaid));
        // Once confirmed, more money confirms nothing again.
        Assert.Equal([BookingEventTypes.PaymentReceived], booking.RecordPayment(Paid("pi_3", 600m)).Events.Select(e => e.Type));
    }

    [Fact]
    public void Money_taken_on_a_cancelled_booking_is_recorded_and_does_not_confirm_it()
    {
        var booking = InState(BookingStatus.Cancelled);
        var decision = booking.RecordPayment(new PaymentReceived("pi_late", "deposit", 300m, null));
        Assert.Equal([BookingEventTypes.PaymentReceived], decision.Events.Select(e => e.Type));
    }

    [Fact]
    public void A_refund_records_only_the_increase_of_the_refunded_total_up_to_the_payment()
    {
        var booking = InState(BookingStatus.Confirmed);
        Applied(booking, booking.RecordPayment(new PaymentReceived("pi_1", "deposit", 300m, null)));
        Assert.Equal("No payment with this id on the booking.", booking.RecordRefund("pi_other", 50m).Conflict);

        var first = booking.RecordRefund("pi_1", 50m);
        Assert.Equal((BookingEventTypes.PaymentRefunded, (object)new PaymentRefunded("pi_1", 50m, 50m)), Assert.Single(first.Events));
        Applied(booking, first);
        Assert.Equal(250m, booking.AmountPaid);
        Assert.Empty(booking.RecordRefund("pi_1", 50m).Events); // the same total again
        Assert.Empty(booking.RecordRefund("pi_1", 30m).Events); // an older, smaller total
        // More than was paid is capped at the payment.
        var rest = booking.RecordRefund("pi_1", 300.01m);
        Assert.Equal((BookingEventTypes.PaymentRefunded, (object)new PaymentRefunded("pi_1", 250m, 300m)), Assert.Single(rest.Events));
        Applied(booking, rest);
        Assert.Equal(0m, booking.AmountPaid);
        Assert.Empty(booking.RecordRefund("pi_1", 300m).Events);
    }

    [Fact]
    public void A_dispute_is_recorded_once_on_a_known_payment()
    {
        var booking = InState(BookingStatus.Confirmed);
        Applied(booking, booking.RecordPayment(new PaymentReceived("pi_1", "deposit", 300m, null)));
        Assert.Equal("No payment with this id on the booking.", booking.RecordDispute("pi_other", 300m, "fraudulent").Conflict);
        var disputed = booking.RecordDispute("pi_1", 300m, "fraudulent");
        Assert.Equal((BookingEventTypes.PaymentDisputed, (object)new PaymentDisputed("pi_1", 300m, "fraudulent")), Assert.Single(disputed.Events));
        Applied(booking, disputed);
        Assert.True(booking.Payments["pi_1"].Disputed);
        var again = booking.RecordDispute("pi_1", 300m, "fraudulent");
        Assert.Equal((null, null), (again.Conflict, again.Invalid));
        Assert.Empty(again.Events);
    }
}
