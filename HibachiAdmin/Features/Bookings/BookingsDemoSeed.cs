using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;

namespace HibachiAdmin.Features.Bookings;

/// <summary>
/// Demo bookings written through the event store, so their timelines and replay are real. Each is joined to its lead and
/// requested after it: every Booked lead has a booking confirmed by its $200 deposit paid online (completed, and paid in full
/// two days before, when the party is past; one balance partly refunded), and a quoted lead with a date ahead has a requested
/// one. The payments go to Payments' ledger too (<see cref="BookingsDemoData.PaymentsKey"/>), so Home's money collected, the
/// leaderboards and the bookings agree. Front-desk staff take the requests, Stripe reports the money, the chef marks the party done.
/// </summary>
public sealed class BookingsDemoSeed(EventStore store, Formats formats) : IDemoSeedContributor
{
    private static readonly string[] Streets = ["Prospect Pl", "Ditmars Blvd", "W 84th St", "Washington St", "Stewart Ave", "Mamaroneck Ave", "Bedford Ave", "Austin St"];

    public const decimal Deposit = 200m;

    public int Order => 40;

    public Task SeedAsync(AppDbContext db, DemoSeedContext context, CancellationToken ct)
    {
        if (!context.Items.TryGetValue(LeadsDemoData.LeadsKey, out var value) || value is not List<DemoLead> leads)
        {
            return Task.CompletedTask;
        }
        var r = context.Random;
        var today = formats.Today;
        var latest = context.UtcNow.AddMinutes(-5);
        var payments = new List<DemoPayment>();
        DateTime Clamp(DateTime at) => at < latest ? at : latest;
        foreach (var (lead, index) in leads.Select((l, i) => (l, i)))
        {
            if (lead.EventDate is not { } date || !(lead.Status == LeadStatus.Booked || (lead.Status == LeadStatus.Quoted && date >= today)))
            {
                continue;
            }
            var id = Guid.CreateVersion7();
            var staff = LeadsDemoData.Staff[r.Next(LeadsDemoData.Staff.Length)];
            var total = lead.Guests * 60m;
            var requested = new BookingRequested(lead.ContactId, lead.Id, date, new TimeOnly(r.Next(12, 19), r.Next(2) * 30), lead.Guests, 60m,
                $"{r.Next(10, 400)} {Streets[r.Next(Streets.Length)]}, {lead.Location}", lead.Zip, r.Next(3) == 0 ? "Deluxe (filet and lobster)" : "Classic", lead.Occasion);
            var partyStart = formats.UtcStartOf(date).AddHours(requested.EventTime!.Value.Hour);
            // Requested a few hours after the lead came in, before the party.
            var requestedAt = Clamp(Max(Min(lead.CreatedAt.AddHours(r.Next(1, 30)), partyStart.AddDays(-3)), lead.CreatedAt.AddMinutes(30)));
            var steps = new List<(DateTime At, string Actor, List<(string, object)> Events)> { (requestedAt, staff, [(BookingEventTypes.Requested, requested)]) };
            if (lead.Status == LeadStatus.Booked)
            {
                // The deposit confirms the booking (as the pay link does); the story's first party's deposit came in three hours ago (Home's month has money).
                var depositAt = Clamp(index == 0 ? latest.AddHours(-3) : Min(requestedAt.AddHours(r.Next(1, 20)), partyStart.AddDays(-2)));
                depositAt = depositAt > requestedAt ? depositAt : requestedAt.AddMinutes(20);
                var deposit = Pay(payments, id, "deposit", Deposit, depositAt);
                steps.Add((depositAt, "stripe", [(BookingEventTypes.PaymentReceived, deposit), (BookingEventTypes.Confirmed, new BookingConfirmed())]));
                // The balance is due two days before the party: past parties, and those in the next two days, are paid in full.
                if (date <= today.AddDays(2))
                {
                    var balanceAt = Clamp(Max(partyStart.AddDays(-2).AddHours(-r.Next(1, 30)), depositAt.AddHours(1)));
                    var balance = Pay(payments, id, "balance", total - Deposit, balanceAt);
                    steps.Add((balanceAt, "stripe", [(BookingEventTypes.PaymentReceived, balance)]));
                    if (date < today)
                    {
                        steps.Add((partyStart.AddHours(3).AddMinutes(20), DemoStaff.Chef, [(BookingEventTypes.Completed, new BookingCompleted())]));
                        if (index == 6)
                        {
                            // Two guests fewer than paid for: $120 of the balance went back the next day.
                            var refundAt = Clamp(partyStart.AddDays(1).AddHours(2));
                            payments[^1] = payments[^1] with { Refunded = 120m, RefundedAt = refundAt };
                            steps.Add((refundAt, "stripe", [(BookingEventTypes.PaymentRefunded, new PaymentRefunded(balance.PaymentId, 120m, 120m))]));
                        }
                    }
                }
            }
            var row = new BookingRow { Id = id };
            var version = 0;
            foreach (var (at, actor, events) in steps)
            {
                foreach (var e in store.Append(db, id, BookingEventTypes.StreamType, version, events, new EventMetadata(actor, Guid.NewGuid())))
                {
                    e.At = Clamp(at);
                    version = e.Version;
                    BookingProjection.Apply(row, e.EventType, e.Data, e.Version, e.At);
                }
            }
            db.Add(row);
        }
        context.Items[BookingsDemoData.PaymentsKey] = payments;
        // Demo history has already happened: its lead moves are seeded, and no confirmation or review text goes out for it.
        foreach (var entry in db.ChangeTracker.Entries<OutboxEntry>().Where(e => e.State == Microsoft.EntityFrameworkCore.EntityState.Added).ToList())
        {
            entry.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }
        return Task.CompletedTask;
    }

    private static PaymentReceived Pay(List<DemoPayment> payments, Guid bookingId, string installment, decimal amount, DateTime at)
    {
        var n = payments.Count + 1;
        var payment = new PaymentReceived($"pi_demo_{n:D4}", installment, amount, $"cs_demo_{n:D4}");
        payments.Add(new DemoPayment(bookingId, payment.PaymentId, payment.CheckoutSessionId!, installment, amount, at));
        return payment;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
