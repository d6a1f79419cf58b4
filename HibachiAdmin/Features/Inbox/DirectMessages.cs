using HibachiAdmin.Common;
using HibachiAdmin.Features.Inbox.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

/// <summary><see cref="IDirectMessages"/> through <see cref="ScheduledReplies"/>: the same window rule and exactly-once send as a reply scheduled in the inbox.</summary>
public sealed class DirectMessages(IDbContextFactory<AppDbContext> dbFactory, ScheduledReplies replies, TimeProvider time) : IDirectMessages
{
    /// <summary>A reply due this soon goes out at once (the job is scheduled for then; the minutely sweep catches it otherwise).</summary>
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    public async Task<DirectMessageThread?> OpenThreadAsync(Guid contactId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var open = now - MessagingWindow.Standard + Soon;
        var thread = await db.Set<ConversationThread>().AsNoTracking()
            .Where(t => t.ContactId == contactId && t.Platform != Platform.Sms && t.LastInboundAt != null && t.LastInboundAt > open)
            .OrderByDescending(t => t.LastInboundAt).FirstOrDefaultAsync(ct);
        return thread is null ? null : new DirectMessageThread(thread.Id, thread.Platform, thread.LastInboundAt!.Value + MessagingWindow.Standard);
    }

    public async Task<(bool Sent, string? Detail)> SendAsync(Guid threadId, string text, Actor actor, CancellationToken ct)
    {
        var result = await replies.ScheduleReplyAsync(threadId, text, time.GetUtcNow().UtcDateTime + Soon, marketing: false, actor, ct);
        return (result.Scheduled, result.Detail);
    }
}
