using HibachiAdmin.Features.Inbox.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

public sealed partial class InboxService
{
    /// <summary>Waiting threads now, and the median first response for customer messages answered between two instants.</summary>
    public async Task<InboxPulse> GetPulseAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var waiting = await db.Set<ConversationThread>().AsNoTracking().Where(t => t.Status == ThreadStatus.Open)
            .Select(t => new
            {
                t.Id,
                Last = db.Set<ConversationMessage>().Where(m => m.ThreadId == t.Id).OrderByDescending(m => m.At).ThenByDescending(m => m.Id)
                    .Select(m => (MessageDirection?)m.Direction).FirstOrDefault(),
            })
            .Where(t => t.Last == MessageDirection.Inbound).Select(t => t.Id).ToListAsync(ct);
        // The customer has waited since their first message after our last reply.
        DateTime? oldest = null;
        foreach (var chunk in waiting.Chunk(500))
        {
            var threadMessages = await db.Set<ConversationMessage>().AsNoTracking().Where(m => chunk.Contains(m.ThreadId))
                .Select(m => new { m.ThreadId, m.Direction, m.At }).ToListAsync(ct);
            foreach (var thread in threadMessages.GroupBy(m => m.ThreadId))
            {
                var lastReply = thread.Where(m => m.Direction == MessageDirection.Outbound).Select(m => (DateTime?)m.At).Max();
                var since = thread.Where(m => m.Direction == MessageDirection.Inbound && (lastReply is null || m.At > lastReply)).Min(m => (DateTime?)m.At);
                if (since is { } s && (oldest is null || s < oldest))
                {
                    oldest = s;
                }
            }
        }

        // Replies in the window, and the messages of their threads up to them, to find each reply's first unanswered message.
        var messages = await db.Set<ConversationMessage>().AsNoTracking()
            .Where(m => db.Set<ConversationMessage>().Any(o => o.ThreadId == m.ThreadId && o.Direction == MessageDirection.Outbound && o.At >= fromUtc && o.At < toUtc) && m.At < toUtc)
            .OrderBy(m => m.ThreadId).ThenBy(m => m.At).ThenBy(m => m.Id)
            .Select(m => new { m.ThreadId, m.Direction, m.At }).ToListAsync(ct);
        var waits = new List<TimeSpan>();
        foreach (var thread in messages.GroupBy(m => m.ThreadId))
        {
            DateTime? waitingSince = null;
            foreach (var m in thread)
            {
                if (m.Direction == MessageDirection.Inbound)
                {
                    waitingSince ??= m.At;
                }
                else
                {
                    if (waitingSince is { } since && m.At >= fromUtc)
                    {
                        waits.Add(m.At - since);
                    }
                    waitingSince = null;
                }
            }
        }
        waits.Sort();
        TimeSpan? median = waits.Count == 0 ? null
            : waits.Count % 2 == 1 ? waits[waits.Count / 2] : (waits[waits.Count / 2 - 1] + waits[waits.Count / 2]) / 2;
        return new InboxPulse(waiting.Count, oldest, median, waits.Count);
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
