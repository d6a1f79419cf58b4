using HibachiAdmin.Features.Inbox.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

public sealed partial class InboxService
{
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

    /// <summary>A contact's messages on every platform, oldest first (the latest <paramref name="max"/>).</summary>
    public async Task<IReadOnlyList<ConversationLine>> ConversationOfContactAsync(Guid contactId, int max, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var lines = await db.Set<ConversationMessage>().AsNoTracking()
            .Join(db.Set<ConversationThread>().Where(t => t.ContactId == contactId), m => m.ThreadId, t => t.Id, (m, t) => new { m, t.Platform })
            .OrderByDescending(x => x.m.At).ThenByDescending(x => x.m.Id).Take(max)
            .Select(x => new ConversationLine(x.m.ThreadId, x.Platform, x.m.Direction == MessageDirection.Inbound, x.m.Text, x.m.SentBy, x.m.At))
            .ToListAsync(ct);
        lines.Reverse();
        return lines;
    }
}
