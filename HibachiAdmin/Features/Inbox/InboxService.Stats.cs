using HibachiAdmin.Features.Inbox.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

public sealed partial class InboxService
{
    /// <summary>Message volumes by local day and channel, first-response time and response rate for turns started in [from, to), and today's backlog.</summary>
    public async Task<InboxStats> StatsAsync(DateTime fromUtc, DateTime toUtc, TimeZoneInfo zone, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<ConversationMessage>().AsNoTracking()
            .Where(m => m.At >= fromUtc && m.At < toUtc.AddDays(7))
            .Join(db.Set<ConversationThread>().AsNoTracking(), m => m.ThreadId, t => t.Id, (m, t) => new { m.ThreadId, t.Platform, m.Direction, m.At, m.Automated })
            .ToListAsync(ct);
        var days = rows.Where(r => r.At < toUtc)
            .GroupBy(r => (Day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(r.At, DateTimeKind.Utc), zone)), r.Platform))
            .Select(g => new DayVolume(g.Key.Day, g.Key.Platform, g.Count(r => r.Direction == MessageDirection.Inbound), g.Count(r => r.Direction == MessageDirection.Outbound)))
            .OrderBy(d => d.Day).ThenBy(d => d.Platform).ToList();
        var responses = new List<double>();
        var turns = 0;
        foreach (var thread in rows.GroupBy(r => r.ThreadId))
        {
            DateTime? waiting = null;
            foreach (var m in thread.OrderBy(r => r.At))
            {
                if (m.Direction == MessageDirection.Inbound)
                {
                    if (waiting is null && m.At >= fromUtc && m.At < toUtc)
                    {
                        waiting = m.At;
                        turns++;
                    }
                }
                else if (!m.Automated && waiting is { } since)
                {
                    responses.Add((m.At - since).TotalMinutes);
                    waiting = null;
                }
            }
        }
        responses.Sort();
        double? median = responses.Count == 0 ? null
            : responses.Count % 2 == 1 ? responses[responses.Count / 2] : (responses[responses.Count / 2 - 1] + responses[responses.Count / 2]) / 2;
        var backlog = db.Set<ConversationThread>().AsNoTracking().Where(t => t.Status == ThreadStatus.Open && t.WaitingSince != null);
        return new InboxStats(days, median, turns == 0 ? 1 : Math.Min(1, (double)responses.Count / turns), turns,
            await backlog.CountAsync(ct), await backlog.MinAsync(t => t.WaitingSince, ct));
    }
}
