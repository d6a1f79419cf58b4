using HibachiAdmin.Features.Inbox.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

public sealed partial class InboxService
{
    /// <summary>
    /// Message volumes by local day and channel in [from, to), first-response time and response rate of the customer turns
    /// started in [from, to) (<see cref="FirstResponses"/>, the calculation Home uses), and the threads waiting now
    /// (<see cref="WaitingRule"/>, the badge's and Home's definition).
    /// </summary>
    public async Task<InboxStats> StatsAsync(DateTime fromUtc, DateTime toUtc, TimeZoneInfo zone, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<ConversationMessage>().AsNoTracking()
            .Where(m => m.At >= fromUtc && m.At < toUtc)
            .Join(db.Set<ConversationThread>().AsNoTracking(), m => m.ThreadId, t => t.Id, (m, t) => new { t.Platform, m.Direction, m.At })
            .ToListAsync(ct);
        var days = rows
            .GroupBy(r => (Day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(r.At, DateTimeKind.Utc), zone)), r.Platform))
            .Select(g => new DayVolume(g.Key.Day, g.Key.Platform, g.Count(r => r.Direction == MessageDirection.Inbound), g.Count(r => r.Direction == MessageDirection.Outbound)))
            .OrderBy(d => d.Day).ThenBy(d => d.Platform).ToList();
        var (median, turns, answered) = FirstResponses.In(await TurnsAsync(db, fromUtc, toUtc, ct), fromUtc, toUtc);
        var (waiting, oldest) = await WaitingAsync(db, ct);
        return new InboxStats(days, median?.TotalMinutes, turns == 0 ? 1 : (double)answered / turns, turns, waiting, oldest);
    }
}
