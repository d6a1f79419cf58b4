using HibachiAdmin.Features.Inbox.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

/// <summary>
/// The inbox's numbers: who waits for a reply (<see cref="WaitingRule"/>: the badge, Home and Social analytics) and how
/// fast customers are answered (<see cref="FirstResponses"/>: the one calculation both screens use).
/// </summary>
public sealed class InboxStatistics(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time) : IWaitingThreads
{
    /// <summary>Threads waiting since at or before an instant, longest wait first (alerts for customers left waiting).</summary>
    public async Task<IReadOnlyList<WaitingThread>> WaitingSinceAsync(DateTime startedAtOrBeforeUtc, int max, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ConversationThread>().AsNoTracking()
            .Where(WaitingRule.At(time.GetUtcNow().UtcDateTime))
            .Where(t => t.WaitingSince <= startedAtOrBeforeUtc)
            .OrderBy(t => t.WaitingSince).ThenBy(t => t.Id)
            .Take(max)
            .Select(t => new WaitingThread(t.Id, t.ContactId, t.Title, t.Platform, t.WaitingSince!.Value, t.LastMessagePreview))
            .ToListAsync(ct);
    }


    /// <summary>
    /// Threads waiting for a reply now (<see cref="WaitingRule"/>) and the median first response of customer turns that
    /// started between two instants (<see cref="FirstResponses"/>): the same numbers Social analytics shows for that window.
    /// </summary>
    public async Task<InboxPulse> GetPulseAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (waiting, oldest) = await WaitingAsync(db, ct);
        var (median, _, answered) = FirstResponses.In(await TurnsAsync(db, fromUtc, toUtc, ct), fromUtc, toUtc);
        return new InboxPulse(waiting, oldest, median, answered);
    }

    /// <summary>Threads waiting for a reply (the top bar's badge; <see cref="WaitingRule"/>).</summary>
    public async Task<int> CountWaitingThreadsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await WaitingAsync(db, ct)).Count;
    }

    /// <summary>How many threads wait for a reply now, and since when the longest-waiting customer has waited.</summary>
    private async Task<(int Count, DateTime? OldestSince)> WaitingAsync(AppDbContext db, CancellationToken ct)
    {
        var waiting = db.Set<ConversationThread>().AsNoTracking().Where(WaitingRule.At(time.GetUtcNow().UtcDateTime));
        var count = await waiting.CountAsync(ct);
        return (count, count == 0 ? null : await waiting.MinAsync(t => t.WaitingSince, ct));
    }

    /// <summary>
    /// The customer turns of every thread in which a customer wrote in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), from the
    /// thread's messages up to a week after the window (a turn started inside it may be answered after it).
    /// </summary>
    private static async Task<IReadOnlyList<CustomerTurn>> TurnsAsync(AppDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var until = toUtc.AddDays(7);
        var messages = await db.Set<ConversationMessage>().AsNoTracking()
            .Where(m => m.At < until && db.Set<ConversationMessage>().Any(i => i.ThreadId == m.ThreadId && i.Direction == MessageDirection.Inbound && i.At >= fromUtc && i.At < toUtc))
            .Select(m => new TurnMessage(m.ThreadId, m.Direction == MessageDirection.Inbound, m.At, m.Automated)).ToListAsync(ct);
        return FirstResponses.Turns(messages);
    }

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
