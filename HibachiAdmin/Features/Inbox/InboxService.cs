using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

public sealed record ThreadSummary(Guid Id, Platform Platform, string Title, Guid? ContactId, ThreadStatus Status, DateTime LastMessageAt, string? LastMessagePreview, int UnreadCount);

public sealed record ThreadDetail(ThreadSummary Thread, IReadOnlyList<ConversationMessage> Messages);

/// <summary>The inbox feature's public service: append messages to threads, list, read, reply.</summary>
public sealed class InboxService(IDbContextFactory<AppDbContext> dbFactory, ISmsService sms, TimeProvider time)
{
    /// <summary>
    /// Appends an inbound message to the (platform, party) thread, creating it when new. Idempotent on
    /// the provider's message id: a redelivered message returns the stored one and <c>Added=false</c>.
    /// </summary>
    public async Task<(Guid ThreadId, Guid MessageId, bool Added)> AppendInboundAsync(
        Platform platform, string externalPartyId, Guid? contactId, string title, string text, string? externalMessageId, DateTime at, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var thread = await db.Set<ConversationThread>().FirstOrDefaultAsync(t => t.Platform == platform && t.ExternalId == externalPartyId, ct);
        if (thread is null)
        {
            thread = new ConversationThread { Platform = platform, ExternalId = externalPartyId, ContactId = contactId, Title = title, CreatedAt = time.GetUtcNow().UtcDateTime };
            db.Add(thread);
        }
        else if (externalMessageId is not null
                 && await db.Set<ConversationMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.ThreadId == thread.Id && m.ExternalId == externalMessageId, ct) is { } existing)
        {
            return (thread.Id, existing.Id, false);
        }
        var message = new ConversationMessage { ThreadId = thread.Id, Direction = MessageDirection.Inbound, Text = text, ExternalId = externalMessageId, At = at };
        db.Add(message);
        thread.ContactId ??= contactId;
        thread.Status = ThreadStatus.Open;
        thread.UnreadCount++;
        if (at >= thread.LastMessageAt)
        {
            thread.LastMessageAt = at;
            thread.LastMessagePreview = Preview(text);
        }
        await db.SaveChangesAsync(ct);
        return (thread.Id, message.Id, true);
    }

    /// <summary>Records an outbound message (already sent by the caller) in the party's thread.</summary>
    public async Task RecordOutboundAsync(Platform platform, string externalPartyId, Guid? contactId, string title, string text, Guid? outboundMessageId, string sentBy, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var thread = await db.Set<ConversationThread>().FirstOrDefaultAsync(t => t.Platform == platform && t.ExternalId == externalPartyId, ct);
        if (thread is null)
        {
            thread = new ConversationThread { Platform = platform, ExternalId = externalPartyId, ContactId = contactId, Title = title, CreatedAt = now };
            db.Add(thread);
        }
        db.Add(new ConversationMessage { ThreadId = thread.Id, Direction = MessageDirection.Outbound, Text = text, OutboundMessageId = outboundMessageId, SentBy = sentBy, At = now });
        thread.LastMessageAt = now;
        thread.LastMessagePreview = Preview(text);
        await db.SaveChangesAsync(ct);
    }

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
