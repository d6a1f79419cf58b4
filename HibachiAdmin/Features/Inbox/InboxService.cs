using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

public sealed record ThreadSummary(Guid Id, Platform Platform, string Title, Guid? ContactId, ThreadStatus Status, DateTime LastMessageAt, string? LastMessagePreview, int UnreadCount);

public sealed record ThreadDetail(ThreadSummary Thread, IReadOnlyList<ConversationMessage> Messages);

/// <summary>The inbox feature's public service: append messages to threads, list, read, reply.</summary>
public sealed partial class InboxService(IDbContextFactory<AppDbContext> dbFactory, ISmsService sms, TimeProvider time)
{
    /// <summary>
    /// Appends an inbound message to the (platform, party) thread in the caller's unit of work,
    /// creating the thread when new. Idempotent on the provider's message id: a message already
    /// stored (or added earlier in the same unit of work) returns it with <c>Added=false</c>.
    /// </summary>
    public async Task<(Guid ThreadId, Guid MessageId, bool Added)> AppendInboundAsync(AppDbContext db,
        Platform platform, string externalPartyId, Guid? contactId, string title, string text, string? externalMessageId, DateTime at, CancellationToken ct)
    {
        var thread = await FindOrAddThreadAsync(db, platform, externalPartyId, contactId, title, ct);
        if (externalMessageId is not null)
        {
            var key = MessageKey(platform, externalMessageId);
            if (!UnitOfWorkCache.TryGet<ConversationMessage>(db, key, out var existing))
            {
                existing = db.Entry(thread).State == EntityState.Added ? null
                    : await db.Set<ConversationMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.ThreadId == thread.Id && m.ExternalId == externalMessageId, ct);
            }
            if (existing is not null && existing.ThreadId == thread.Id)
            {
                return (thread.Id, existing.Id, false);
            }
        }
        var message = new ConversationMessage { ThreadId = thread.Id, Direction = MessageDirection.Inbound, Text = Limit(text, 4000), ExternalId = externalMessageId, At = at };
        db.Add(message);
        if (externalMessageId is not null)
        {
            UnitOfWorkCache.Set(db, MessageKey(platform, externalMessageId), message);
        }
        thread.ContactId ??= contactId;
        thread.Status = ThreadStatus.Open;
        thread.UnreadCount++;
        if (at >= thread.LastMessageAt)
        {
            thread.LastMessageAt = at;
            thread.LastMessagePreview = Preview(text);
        }
        return (thread.Id, message.Id, true);
    }

    /// <summary>
    /// Records an outbound message (already sent by the caller) in the party's thread, in the caller's
    /// unit of work. Idempotent on <paramref name="outboundMessageId"/>: a retry records it once.
    /// </summary>
    public async Task RecordOutboundAsync(AppDbContext db, Platform platform, string externalPartyId, Guid? contactId, string title, string text, Guid? outboundMessageId, string sentBy, CancellationToken ct)
    {
        if (outboundMessageId is { } sentId
            && (db.Set<ConversationMessage>().Local.Any(m => m.OutboundMessageId == sentId)
                || await db.Set<ConversationMessage>().AnyAsync(m => m.OutboundMessageId == sentId, ct)))
        {
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var thread = await FindOrAddThreadAsync(db, platform, externalPartyId, contactId, title, ct);
        db.Add(new ConversationMessage { ThreadId = thread.Id, Direction = MessageDirection.Outbound, Text = Limit(text, 4000), OutboundMessageId = outboundMessageId, SentBy = sentBy, At = now });
        if (now >= thread.LastMessageAt)
        {
            thread.LastMessageAt = now;
            thread.LastMessagePreview = Preview(text);
        }
    }

    /// <summary>Records an outbound message in its own unit of work.</summary>
    public async Task RecordOutboundAsync(Platform platform, string externalPartyId, Guid? contactId, string title, string text, Guid? outboundMessageId, string sentBy, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RecordOutboundAsync(db, platform, externalPartyId, contactId, title, text, outboundMessageId, sentBy, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task<ConversationThread> FindOrAddThreadAsync(AppDbContext db, Platform platform, string externalPartyId, Guid? contactId, string title, CancellationToken ct)
    {
        var key = ThreadKey(platform, externalPartyId);
        if (!UnitOfWorkCache.TryGet<ConversationThread>(db, key, out var thread))
        {
            thread = await db.Set<ConversationThread>().FirstOrDefaultAsync(t => t.Platform == platform && t.ExternalId == externalPartyId, ct);
        }
        if (thread is null)
        {
            thread = new ConversationThread { Platform = platform, ExternalId = externalPartyId, ContactId = contactId, Title = Limit(title, 200), CreatedAt = time.GetUtcNow().UtcDateTime };
            db.Add(thread);
        }
        UnitOfWorkCache.Set(db, key, thread);
        return thread;
    }

    /// <summary>
    /// Loads, in a few queries, the threads and messages a batch of inbound messages will touch
    /// (see <see cref="UnitOfWorkCache"/>): (party, provider message id) pairs of one platform.
    /// </summary>
    public async Task PreloadInboundAsync(AppDbContext db, Platform platform, IReadOnlyCollection<(string Party, string MessageId)> messages, CancellationToken ct)
    {
        foreach (var chunk in messages.Select(m => m.Party).Distinct().Where(p => !UnitOfWorkCache.TryGet<ConversationThread>(db, ThreadKey(platform, p), out _)).Chunk(500))
        {
            var threads = await db.Set<ConversationThread>().Where(t => t.Platform == platform && chunk.Contains(t.ExternalId)).ToDictionaryAsync(t => t.ExternalId, ct);
            foreach (var party in chunk)
            {
                UnitOfWorkCache.Set(db, ThreadKey(platform, party), threads.GetValueOrDefault(party));
            }
        }
        foreach (var chunk in messages.Select(m => m.MessageId).Distinct().Where(id => !UnitOfWorkCache.TryGet<ConversationMessage>(db, MessageKey(platform, id), out _)).Chunk(500))
        {
            var threadIds = messages.Select(m => UnitOfWorkCache.TryGet<ConversationThread>(db, ThreadKey(platform, m.Party), out var t) ? t?.Id : null).OfType<Guid>().Distinct().ToList();
            var found = threadIds.Count == 0 ? [] : await db.Set<ConversationMessage>().AsNoTracking()
                .Where(m => threadIds.Contains(m.ThreadId) && m.ExternalId != null && chunk.Contains(m.ExternalId)).ToListAsync(ct);
            foreach (var id in chunk)
            {
                UnitOfWorkCache.Set(db, MessageKey(platform, id), found.FirstOrDefault(m => m.ExternalId == id));
            }
        }
    }

    private static string ThreadKey(Platform platform, string party) => $"thread:{platform}:{party}";

    private static string MessageKey(Platform platform, string externalMessageId) => $"message:{platform}:{externalMessageId}";

    private static string Limit(string text, int max) => text.Length > max ? text[..max] : text;

    public async Task<PagedResult<ThreadSummary>> ListAsync(Platform? platform, ThreadStatus? status, int page, int pageSize, CancellationToken ct)
    {
        var paging = new PageRequest(page, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var threads = db.Set<ConversationThread>().AsNoTracking();
        if (platform is { } p)
        {
            threads = threads.Where(t => t.Platform == p);
        }
        if (status is { } s)
        {
            threads = threads.Where(t => t.Status == s);
        }
        var total = await threads.CountAsync(ct);
        var items = await threads.OrderByDescending(t => t.LastMessageAt).Skip(paging.Skip).Take(paging.Take)
            .Select(t => new ThreadSummary(t.Id, t.Platform, t.Title, t.ContactId, t.Status, t.LastMessageAt, t.LastMessagePreview, t.UnreadCount))
            .ToListAsync(ct);
        return new PagedResult<ThreadSummary>(items, total);
    }

    /// <summary>Texts these contacts sent us at or after <paramref name="sinceUtc"/> (campaign replies), one query per 500 contacts.</summary>
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
        }
        var messages = await db.Set<ConversationMessage>().AsNoTracking().Where(m => m.ThreadId == id).OrderBy(m => m.At).ThenBy(m => m.Id).ToListAsync(ct);
        return new ThreadDetail(new ThreadSummary(thread.Id, thread.Platform, thread.Title, thread.ContactId, thread.Status, thread.LastMessageAt, thread.LastMessagePreview, thread.UnreadCount), messages);
    }

    /// <summary>A staff reply. SMS goes through ISmsService (consent enforced there); Meta replies come with the Meta provider.</summary>
    public async Task<(bool Sent, string? Reason)> ReplyAsync(Guid threadId, string text, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var thread = await db.Set<ConversationThread>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == threadId, ct);
        if (thread is null)
        {
            return (false, "notFound");
        }
        if (thread.Platform != Platform.Sms)
        {
            return (false, "platformNotConnected");
        }
        var result = await sms.SendAsync(new OutboundSms(thread.ContactId, thread.ExternalId, text, SmsPurpose.Conversational), ct);
        if (!result.Accepted)
        {
            return (false, result.RefusedReason);
        }
        await RecordOutboundAsync(thread.Platform, thread.ExternalId, thread.ContactId, thread.Title, text, result.MessageId, actor.Name, ct);
        return (true, null);
    }

    private static string Preview(string text) => text.Length > 200 ? text[..197] + "..." : text;
}
