using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;

namespace HibachiAdmin.Features.Bookings;

/// <summary>Demo bookings written through the event store, so their timelines and replay are real.</summary>
public sealed class BookingsDemoSeed(EventStore store) : IDemoSeedContributor
{
    public int Order => 40;

    public Task SeedAsync(AppDbContext db, DemoSeedContext context, CancellationToken ct)
    {
        if (!context.Items.TryGetValue(ContactsDemoSeed.ContactsKey, out var value) || value is not List<Guid> ids || ids.Count < 20)
        {
            return Task.CompletedTask;
        }
        var r = context.Random;
        var today = DateOnly.FromDateTime(context.UtcNow);
        foreach (var contactId in ids.Skip(60).Take(12))
        {
            var id = Guid.CreateVersion7();
            var requested = new BookingRequested(contactId, null, today.AddDays(r.Next(2, 45)), new TimeOnly(r.Next(12, 19), 0), r.Next(10, 40), 60m, null, $"{r.Next(10001, 11999):D5}", "Classic", null);
            var events = new List<(string, object)> { (BookingEventTypes.Requested, requested) };
            if (r.Next(3) > 0)
            {
                events.Add((BookingEventTypes.Deposit, new DepositRecorded(200)));
                events.Add((BookingEventTypes.Confirmed, new BookingConfirmed()));
            }
            var row = new BookingRow { Id = id };
            foreach (var e in store.Append(db, id, BookingEventTypes.StreamType, 0, events, new EventMetadata(new Actor("demo-seed").Name, Guid.NewGuid())))
            {
                BookingProjection.Apply(row, e.EventType, e.Data, e.Version, e.At);
            }
            db.Add(row);
        }
        return Task.CompletedTask;
    }
}
