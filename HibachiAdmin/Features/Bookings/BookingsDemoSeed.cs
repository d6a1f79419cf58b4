using HibachiAdmin.Common;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;

namespace HibachiAdmin.Features.Bookings;

/// <summary>
/// Demo bookings written through the event store, so their timelines and replay are real. Each is
/// joined to its lead: every Booked lead has a confirmed booking (completed when the party is past),
/// and a quoted lead with a date ahead has a requested one.
/// </summary>
public sealed class BookingsDemoSeed(EventStore store, Formats formats) : IDemoSeedContributor
{
    private static readonly string[] Streets = ["Prospect Pl", "Ditmars Blvd", "W 84th St", "Washington St", "Stewart Ave", "Mamaroneck Ave", "Bedford Ave", "Austin St"];

    public int Order => 40;

    public Task SeedAsync(AppDbContext db, DemoSeedContext context, CancellationToken ct)
    {
        if (!context.Items.TryGetValue(LeadsDemoData.LeadsKey, out var value) || value is not List<DemoLead> leads)
        {
            return Task.CompletedTask;
        }
        var r = context.Random;
        var today = formats.Today;
        foreach (var lead in leads.Where(l => l.EventDate is not null && (l.Status == LeadStatus.Booked || (l.Status == LeadStatus.Quoted && l.EventDate >= today))))
        {
            var date = lead.EventDate!.Value;
            var staff = new Actor(LeadsDemoData.Staff[r.Next(LeadsDemoData.Staff.Length)]);
            var requested = new BookingRequested(lead.ContactId, lead.Id, date, new TimeOnly(r.Next(12, 19), r.Next(2) * 30), lead.Guests, 60m,
                $"{r.Next(10, 400)} {Streets[r.Next(Streets.Length)]}, {lead.Location}", lead.Zip, r.Next(3) == 0 ? "Deluxe (filet and lobster)" : "Classic", lead.Occasion);
            var events = new List<(string, object)> { (BookingEventTypes.Requested, requested) };
            if (lead.Status == LeadStatus.Booked)
            {
                // Most pay the usual $200 deposit; a past party was paid in full.
                if (date < today)
                {
                    events.Add((BookingEventTypes.Deposit, new DepositRecorded(200)));
                    events.Add((BookingEventTypes.Confirmed, new BookingConfirmed()));
                    events.Add((BookingEventTypes.Deposit, new DepositRecorded(lead.Guests * 60m - 200)));
                    events.Add((BookingEventTypes.Completed, new BookingCompleted()));
                }
                else
                {
                    if (r.Next(4) > 0)
                    {
                        events.Add((BookingEventTypes.Deposit, new DepositRecorded(200)));
                    }
                    events.Add((BookingEventTypes.Confirmed, new BookingConfirmed()));
                }
            }
            var id = Guid.CreateVersion7();
            var row = new BookingRow { Id = id };
            // A history spread over the days before the party (the balance paid and the party done on its evening), never in the future.
            var at = context.UtcNow.AddDays(-(date < today ? today.DayNumber - date.DayNumber + r.Next(7, 30) : r.Next(1, 20))).AddMinutes(-r.Next(0, 600));
            var evening = formats.UtcStartOf(date).AddHours(22);
            var latest = context.UtcNow.AddMinutes(-5);
            var appended = store.Append(db, id, BookingEventTypes.StreamType, 0, events, new EventMetadata(staff.Name, Guid.NewGuid()));
            for (var k = 0; k < appended.Count; k++)
            {
                var e = appended[k];
                at = k == 0 ? at : at.AddHours(r.Next(2, 30));
                var when = k >= 3 ? evening.AddMinutes(k * 20) : at;
                e.At = when < latest ? when : latest;
                BookingProjection.Apply(row, e.EventType, e.Data, e.Version, e.At);
            }
            db.Add(row);
        }
        // Demo history has already happened: its lead moves are seeded, and no confirmation or review text goes out for it.
        foreach (var entry in db.ChangeTracker.Entries<OutboxEntry>().Where(e => e.State == Microsoft.EntityFrameworkCore.EntityState.Added).ToList())
        {
            entry.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
        }
        return Task.CompletedTask;
    }
}
