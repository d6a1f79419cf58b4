using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Inbox.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

/// <summary>The inbox's reads: thread lists, one thread with its messages, and what other features ask of conversations.</summary>
public sealed class InboxQueries(
    IDbContextFactory<AppDbContext> dbFactory,
    ISmsService sms,
    InboxNotifier notifier,
    TimeProvider time)
{
    public Task<PagedResult<ThreadSummary>> ListAsync(Platform? platform, ThreadStatus? status, int page, int pageSize, CancellationToken ct) =>
        ListAsync(new ThreadQuery(platform, status, Page: page, PageSize: pageSize), ct);

    /// <summary>
    /// One page of threads, latest first; with <see cref="ThreadQuery.Waiting"/>, only threads waiting for a reply
    /// (<see cref="WaitingRule"/>), the longest wait first. A snoozed thread whose time has come counts as open
    /// (read-time, so no job has to wake it).
    /// </summary>
    public async Task<PagedResult<ThreadSummary>> ListAsync(ThreadQuery query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var threads = db.Set<ConversationThread>().AsNoTracking();
        if (query.Platform is { } p)
        {
            threads = threads.Where(t => t.Platform == p);
        }
        threads = query.Status switch
        {
            ThreadStatus.Open => threads.Where(t => t.Status == ThreadStatus.Open || (t.Status == ThreadStatus.Snoozed && t.SnoozedUntil <= now)),
            ThreadStatus.Snoozed => threads.Where(t => t.Status == ThreadStatus.Snoozed && (t.SnoozedUntil == null || t.SnoozedUntil > now)),
            { } s => threads.Where(t => t.Status == s),
            null => threads,
        };
        threads = query.Assignee switch
        {
            null or "" => threads,
            "unassigned" => threads.Where(t => t.AssigneeId == null),
            "mine" => threads.Where(t => t.AssigneeId == query.CurrentUser),
            var id => threads.Where(t => t.AssigneeId == id),
        };
        if (query.Waiting)
        {
            threads = threads.Where(WaitingRule.At(now));
        }
        if (query.UnreadOnly)
        {
            threads = threads.Where(t => t.UnreadCount > 0);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            threads = threads.Where(t => t.Title.ToLower().Contains(term) || (t.LastMessagePreview != null && t.LastMessagePreview.ToLower().Contains(term)) || t.ExternalId.Contains(term));
        }
        var total = await threads.CountAsync(ct);
        var ordered = query.Waiting ? threads.OrderBy(t => t.WaitingSince).ThenBy(t => t.Id) : threads.OrderByDescending(t => t.LastMessageAt).ThenByDescending(t => t.Id);
        var items = await ordered.Skip(paging.Skip).Take(paging.Take)
            .Select(t => new ThreadSummary(t.Id, t.Platform, t.Title, t.ContactId,
                t.Status == ThreadStatus.Snoozed && t.SnoozedUntil <= now ? ThreadStatus.Open : t.Status,
                t.LastMessageAt, t.LastMessagePreview, t.UnreadCount, t.AssigneeId, t.AssigneeName, t.WaitingSince, t.SnoozedUntil, t.LeadId, t.LastInboundAt))
            .ToListAsync(ct);
        return new PagedResult<ThreadSummary>(items, total);
    }

    /// <summary>Texts these contacts sent us at or after <paramref name="sinceUtc"/> (campaign replies), one query per 500 contacts.</summary>
    public async Task<IReadOnlySet<Guid>> ContactsInConversationSinceAsync(IReadOnlyCollection<Guid> contactIds, DateTime sinceUtc, CancellationToken ct)
    {
        var result = new HashSet<Guid>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var chunk in contactIds.Distinct().Chunk(500))
        {
            result.UnionWith(await db.Set<ConversationThread>().AsNoTracking()
                .Where(t => t.ContactId != null && chunk.Contains(t.ContactId.Value) && t.LastMessageAt >= sinceUtc)
                .Select(t => t.ContactId!.Value).ToListAsync(ct));
        }
        return result;
    }

    public async Task<IReadOnlyList<(Guid ContactId, DateTime At, string Text)>> InboundSmsSinceAsync(IReadOnlyCollection<Guid> contactIds, DateTime sinceUtc, CancellationToken ct)
    {
        var result = new List<(Guid, DateTime, string)>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var chunk in contactIds.Distinct().Chunk(500))
        {
            var rows = await (from m in db.Set<ConversationMessage>().AsNoTracking()
                              join t in db.Set<ConversationThread>().AsNoTracking() on m.ThreadId equals t.Id
                              where t.Platform == Platform.Sms && t.ContactId != null && chunk.Contains(t.ContactId.Value)
                                    && m.Direction == MessageDirection.Inbound && m.At >= sinceUtc
                              select new { ContactId = t.ContactId!.Value, m.At, m.Text }).ToListAsync(ct);
            result.AddRange(rows.Select(r => (r.ContactId, r.At, r.Text)));
        }
        return result;
    }

    /// <summary>Threads of one contact (the customer view), latest first.</summary>
    public async Task<IReadOnlyList<ThreadSummary>> ForContactAsync(Guid contactId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ConversationThread>().AsNoTracking().Where(t => t.ContactId == contactId).OrderByDescending(t => t.LastMessageAt)
            .Select(t => new ThreadSummary(t.Id, t.Platform, t.Title, t.ContactId, t.Status, t.LastMessageAt, t.LastMessagePreview, t.UnreadCount,
                t.AssigneeId, t.AssigneeName, t.WaitingSince, t.SnoozedUntil, t.LeadId, t.LastInboundAt))
            .ToListAsync(ct);
    }

    public async Task<ThreadDetail?> GetAsync(Guid id, bool markRead, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var thread = await db.Set<ConversationThread>().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (thread is null)
        {
            return null;
        }
        if (markRead && thread.UnreadCount > 0)
        {
            thread.UnreadCount = 0;
            await db.SaveChangesAsync(ct);
            notifier.Publish(thread.Id);
        }
        var messages = await db.Set<ConversationMessage>().AsNoTracking().Where(m => m.ThreadId == id).OrderBy(m => m.At).ThenBy(m => m.Id).ToListAsync(ct);
        var notes = await db.Set<ThreadNote>().AsNoTracking().Where(n => n.ThreadId == id).OrderBy(n => n.At)
            .Select(n => new NoteView(n.Id, n.Text, n.Author, n.At)).ToListAsync(ct);
        var smsIds = messages.Where(m => m.OutboundMessageId is not null && m.Status is null).Select(m => m.OutboundMessageId!.Value).ToList();
        var smsStates = smsIds.Count == 0 ? new Dictionary<Guid, Features.Messaging.Contracts.SmsDeliveryState>() : await sms.GetDeliveryAsync(smsIds, ct);
        var byExternal = messages.Where(m => m.ExternalId != null).GroupBy(m => m.ExternalId!).ToDictionary(g => g.Key, g => g.First().Text);
        var now = time.GetUtcNow().UtcDateTime;
        var views = messages.Select(m =>
        {
            var (status, error) = m.Status is { } s ? (Word(s), m.Error)
                : m.OutboundMessageId is { } o && smsStates.TryGetValue(o, out var state) ? (state.Status, state.Error)
                : m.Direction == MessageDirection.Outbound ? ("sent", null) : ((string?)null, (string?)null);
            return new MessageView(m.Id, m.Direction, m.Kind, m.Text, m.At, m.SentBy, status, error, ReadAttachments(m.Attachments),
                m.ReplyToExternalId is { } r ? byExternal.GetValueOrDefault(r) : null, m.Tag, m.Automated);
        }).ToList();
        var summary = new ThreadSummary(thread.Id, thread.Platform, thread.Title, thread.ContactId,
            thread.Status == ThreadStatus.Snoozed && thread.SnoozedUntil <= now ? ThreadStatus.Open : thread.Status,
            thread.LastMessageAt, thread.LastMessagePreview, thread.UnreadCount, thread.AssigneeId, thread.AssigneeName, thread.WaitingSince, thread.SnoozedUntil, thread.LeadId, thread.LastInboundAt);
        return new ThreadDetail(summary, views, notes, MessagingWindow.For(thread.Platform, thread.LastInboundAt, now));
    }

    internal static string Word(MessageStatus s) => s.ToString().ToLowerInvariant();

    private static IReadOnlyList<MessageAttachment> ReadAttachments(string? json)
    {
        if (json is null)
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<List<MessageAttachment>>(json, ConversationLog.Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
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
