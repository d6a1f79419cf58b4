using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Events;

namespace HibachiAdmin.Features.Bookings;

/// <summary>Turns a booking's stored events into sentences ("Deposit of $200 recorded by Maria, Nov 24 3:05 PM"), never raw JSON.</summary>
public static class BookingTimeline
{
    public static IReadOnlyList<TimelineEntry> Describe(IEnumerable<StoredEvent> events, Formats formats) =>
        events.Select(e => Describe(e, formats)).ToList();

    public static TimelineEntry Describe(StoredEvent e, Formats formats)
    {
        var o = EventStore.Json;
        var byWhom = $"by {Formats.Person(e.UserName)}, {formats.Stamp(e.At)}";
        switch (e.EventType)
        {
            case BookingEventTypes.Requested:
                var r = JsonSerializer.Deserialize<BookingRequested>(e.Data, o)!;
                return new($"Requested for {r.GuestCount} guests at {Formats.Money(r.PricePerPerson)} a person ({Formats.Money(r.GuestCount * r.PricePerPerson)}), {formats.Day(r.EventDate)}{At(r.EventTime)}",
                    byWhom, MudBlazor.Icons.Material.Filled.EventNote);
            case BookingEventTypes.Deposit:
                return new($"Deposit of {Formats.Money(JsonSerializer.Deserialize<DepositRecorded>(e.Data, o)!.Amount)} recorded", byWhom, MudBlazor.Icons.Material.Filled.Payments);
            case BookingEventTypes.Confirmed:
                return new("Confirmed", byWhom, MudBlazor.Icons.Material.Filled.CheckCircle);
            case BookingEventTypes.Rescheduled:
                var re = JsonSerializer.Deserialize<BookingRescheduled>(e.Data, o)!;
                return new($"Moved to {formats.Day(re.EventDate)}{At(re.EventTime)}", byWhom, MudBlazor.Icons.Material.Filled.EditCalendar);
            case BookingEventTypes.Completed:
                return new("Party done", byWhom, MudBlazor.Icons.Material.Filled.Celebration);
            case BookingEventTypes.Cancelled:
                var c = JsonSerializer.Deserialize<BookingCancelled>(e.Data, o)!;
                var lead = c.LeadOutcome == "reopen" ? "; the lead was reopened" : c.LeadOutcome == "lost" ? "; the lead was marked lost" : "";
                return new($"Cancelled: {c.Reason}{lead}", byWhom, MudBlazor.Icons.Material.Filled.Cancel);
            case BookingEventTypes.QuoteSent:
                var q = JsonSerializer.Deserialize<QuoteSent>(e.Data, o)!;
                return new($"Quote version {q.QuoteVersion} sent: {Formats.Cents(q.Total)}, deposit {Formats.Cents(q.Deposit)}", byWhom, MudBlazor.Icons.Material.Filled.RequestQuote);
            case BookingEventTypes.QuoteAccepted:
                var qa = JsonSerializer.Deserialize<QuoteAccepted>(e.Data, o)!;
                return new($"Quote version {qa.QuoteVersion} accepted by {qa.AcceptedBy}", formats.Stamp(e.At), MudBlazor.Icons.Material.Filled.Handshake);
            case BookingEventTypes.PaymentReceived:
                var p = JsonSerializer.Deserialize<PaymentReceived>(e.Data, o)!;
                return new($"{(p.Installment == "deposit" ? "Deposit" : "Balance")} of {Formats.Cents(p.Amount)} paid online", formats.Stamp(e.At), MudBlazor.Icons.Material.Filled.Payments);
            case BookingEventTypes.PaymentRefunded:
                var rf = JsonSerializer.Deserialize<PaymentRefunded>(e.Data, o)!;
                return new($"{Formats.Cents(rf.Amount)} refunded", formats.Stamp(e.At), MudBlazor.Icons.Material.Filled.Undo);
            case BookingEventTypes.PaymentDisputed:
                var d = JsonSerializer.Deserialize<PaymentDisputed>(e.Data, o)!;
                return new($"The customer's bank disputed a payment of {Formats.Cents(d.Amount)}{(d.Reason is { Length: > 0 } why ? $" ({why.Replace('_', ' ')})" : "")}", formats.Stamp(e.At), MudBlazor.Icons.Material.Filled.Gavel);
            default:
                return new("Updated", byWhom, MudBlazor.Icons.Material.Filled.Info);
        }
    }

    private static string At(TimeOnly? time) => time is { } t ? $" at {Formats.Time(t)}" : "";
}
