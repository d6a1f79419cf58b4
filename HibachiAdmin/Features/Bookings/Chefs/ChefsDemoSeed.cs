using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Bookings.Chefs;

/// <summary>
/// Demo chefs (two staff, one contractor, with a few days off) and one chef on each live party from today on, written
/// as <c>ChefAssigned</c> events so the booking pages, the schedules and replay agree. No text goes out for them.
/// </summary>
public sealed class ChefsDemoSeed(EventStore store, Formats formats) : IDemoSeedContributor
{
    public int Order => 47;

    public async Task SeedAsync(AppDbContext db, DemoSeedContext context, CancellationToken ct)
    {
        var today = formats.Today;
        var now = context.UtcNow;
        var chefs = new[]
        {
            new Chef { Name = "Kenji Watanabe", Phone = "+12125550141", HomeZip = "11201", Kind = ChefKind.Staff, CreatedAt = now, UpdatedAt = now },
            new Chef { Name = "Marco Reyes", Phone = "+17185550142", HomeZip = "11354", Kind = ChefKind.Staff, CreatedAt = now, UpdatedAt = now },
            new Chef { Name = "Tomo Sato", Phone = "+19175550143", HomeZip = "10025", Kind = ChefKind.Contractor, CreatedAt = now, UpdatedAt = now },
        };
        for (var i = 0; i < chefs.Length; i++)
        {
            // Every chef has a day off in the coming weeks, on a different weekday.
            chefs[i].DaysOff.Add(new ChefDayOff { ChefId = chefs[i].Id, Day = today.AddDays(9 + (i * 4)) });
        }
        db.AddRange(chefs);
        var parties = await db.Set<BookingRow>().Where(r => r.EventDate >= today && r.Status != BookingStatus.Cancelled)
            .OrderBy(r => r.EventDate).ThenBy(r => r.EventTime).ToListAsync(ct);
        var busy = chefs.ToDictionary(c => c.Id, _ => new List<(DateTime Start, DateTime End)>());
        foreach (var party in parties)
        {
            var start = PartyTimes.StartUtc(party.EventDate, party.EventTime, formats.Zone);
            var end = start + PartyTimes.Length;
            var days = PartyTimes.Days(start, end, formats.Zone);
            var free = chefs.FirstOrDefault(c => !c.DaysOff.Any(d => days.Contains(d.Day)) && !busy[c.Id].Any(b => PartyTimes.Overlap(start, end, b.Start, b.End)));
            if (free is null)
            {
                continue;
            }
            busy[free.Id].Add((start, end));
            var appended = store.Append(db, party.Id, BookingEventTypes.StreamType, party.Version, [(BookingEventTypes.ChefAssigned, new ChefAssigned(free.Id, free.Name))],
                new EventMetadata(HibachiAdmin.Infrastructure.Data.DemoStaff.Maria.Email, Guid.NewGuid()));
            foreach (var e in appended)
            {
                e.At = now.AddMinutes(-30);
                BookingProjection.Apply(party, e.EventType, e.Data, e.Version, e.At, e.UserName);
            }
        }
        foreach (var entry in db.ChangeTracker.Entries<OutboxEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}
