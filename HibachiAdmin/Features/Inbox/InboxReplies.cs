using Hangfire;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Ai;
using HibachiAdmin.Infrastructure.Providers.Meta;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

/// <summary>
/// Staff replies in a thread (SMS through <see cref="ISmsService"/>, Meta inside its messaging window), the
/// suggested replies, and the sandbox's simulated receipts.
/// </summary>
public sealed class InboxReplies(
    IDbContextFactory<AppDbContext> dbFactory,
    ISmsService sms,
    IMetaSendProvider meta,
    ReplySuggester suggester,
    ConversationLog log,
    InboxNotifier notifier,
    IBackgroundJobClient jobs,
    TimeProvider time,
    ILogger<InboxReplies> logger)
{
    /// <summary>
    /// A staff reply. SMS goes through ISmsService (consent enforced there). Meta replies obey the
    /// messaging window: inside 24 hours a plain response; up to 7 days only a person's reply, tagged
    /// HUMAN_AGENT; otherwise refused with the reason. The message is stored as queued before the
    /// provider is called, then marked sent or failed with the provider's error.
    /// </summary>
    /// <param name="actor">Recorded as the message's sender: for a person's reply, the person.</param>
    /// <param name="writtenByPerson">
    /// A person typed this reply (the inbox composer, or an API caller allowed to state it). No default:
    /// every caller decides, because a wrong true puts HUMAN_AGENT on an automated message (Meta's policy).
    /// </param>
    public async Task<ReplyResult> ReplyAsync(Guid threadId, string text, Actor actor, bool writtenByPerson, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var thread = await db.Set<ConversationThread>().FirstOrDefaultAsync(t => t.Id == threadId, ct);
        if (thread is null)
        {
            return new ReplyResult(false, "notFound", "This conversation does not exist.");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ReplyResult(false, "emptyText", "Write a reply first.");
        }
        if (thread.Platform == Platform.Sms)
        {
            var result = await sms.SendAsync(new OutboundSms(thread.ContactId, thread.ExternalId, text, SmsPurpose.Conversational), ct);
            if (!result.Accepted)
            {
                return new ReplyResult(false, result.RefusedReason, SmsRefusal(result.RefusedReason));
            }
            await log.RecordOutboundAsync(db, thread.Platform, thread.ExternalId, thread.ContactId, thread.Title, text, result.MessageId, actor.Name, ct);
            await db.SaveChangesAsync(ct);
            return new ReplyResult(true, MessageId: result.MessageId);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var (allowed, tag, refusal) = MessagingWindow.Decide(thread.Platform, thread.LastInboundAt, now, writtenByPerson);
        if (!allowed)
        {
            return new ReplyResult(false, "outsideWindow", refusal);
        }
        var message = new ConversationMessage
        {
            ThreadId = thread.Id, Direction = MessageDirection.Outbound, Text = text.Length > 4000 ? text[..4000] : text, SentBy = actor.Name, At = now,
            Status = MessageStatus.Queued, Tag = tag, Automated = !writtenByPerson,
        };
        db.Add(message);
        ConversationLog.Answered(thread, now, text, automated: !writtenByPerson);
        await db.SaveChangesAsync(ct);
        notifier.Publish(thread.Id);

        var sent = await meta.SendAsync(new MetaSendRequest(thread.ExternalId, text, tag, ConversationLog.EchoMetadataPrefix + message.Id), ct);
        // The echo webhook may have marked it sent already: only move forward from queued.
        await db.Set<ConversationMessage>().Where(m => m.Id == message.Id && m.Status == MessageStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, sent.Accepted ? MessageStatus.Sent : MessageStatus.Failed)
                .SetProperty(m => m.Error, sent.Accepted ? null : Cut(sent.Error, 500)), ct);
        if (sent.Accepted && sent.MessageId is { } mid)
        {
            await db.Set<ConversationMessage>().Where(m => m.Id == message.Id && m.ExternalId == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.ExternalId, mid), ct);
        }
        notifier.Publish(thread.Id);
        if (!sent.Accepted)
        {
            logger.LogWarning("Meta refused a reply in thread {Thread}: {Error}", thread.Id, sent.Error);
            return new ReplyResult(false, sent.OutsideWindow ? "outsideWindow" : "providerError", $"{meta.Name}: {sent.Error}", message.Id);
        }
        if (meta.IsSandbox)
        {
            jobs.Schedule<SandboxMetaReceiptJob>(j => j.RunAsync(message.Id, CancellationToken.None), TimeSpan.FromSeconds(2));
        }
        return new ReplyResult(true, MessageId: message.Id);
    }

    private static string? Cut(string? text, int max) => text is { Length: > 0 } t && t.Length > max ? t[..max] : text;

    internal static string SmsRefusal(string? reason) => reason switch
    {
        "optedOut" => "Not sent: this person opted out of texts (they can text START to opt back in).",
        "noConsent" => "Not sent: this person has not agreed to receive texts.",
        "invalidNumber" => "Not sent: the number is not a valid mobile number.",
        "providerError" => "Not sent: the SMS provider refused the text.",
        _ => $"Not sent ({reason}).",
    };

    /// <summary>Three suggested replies from the conversation and the business facts; null when the thread does not exist.</summary>
    public async Task<ReplySuggestions?> SuggestAsync(Guid threadId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Set<ConversationThread>().AnyAsync(t => t.Id == threadId, ct))
        {
            return null;
        }
        var lines = await db.Set<ConversationMessage>().AsNoTracking().Where(m => m.ThreadId == threadId && m.Kind != MessageKind.Reaction)
            .OrderByDescending(m => m.At).Take(20).Select(m => new ChatLine(m.Direction == MessageDirection.Inbound, m.Text, m.At)).ToListAsync(ct);
        lines.Reverse();
        return await suggester.ForConversationAsync(lines, time.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>The sandbox's simulated receipts: delivered, then read, through the same path real receipts take.</summary>
    public async Task SimulateReceiptsAsync(Guid messageId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var message = await db.Set<ConversationMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId, ct);
        if (message?.ExternalId is null || message.Status is MessageStatus.Failed or MessageStatus.Read)
        {
            return;
        }
        var thread = await db.Set<ConversationThread>().AsNoTracking().FirstAsync(t => t.Id == message.ThreadId, ct);
        await log.ApplyReceiptAsync(db, thread.Platform, thread.ExternalId, MessageStatus.Delivered, [message.ExternalId], null, ct);
        await log.ApplyReceiptAsync(db, thread.Platform, thread.ExternalId, MessageStatus.Read, [message.ExternalId], null, ct);
        await db.SaveChangesAsync(ct);
    }

}
