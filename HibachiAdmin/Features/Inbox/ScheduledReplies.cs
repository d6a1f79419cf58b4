using Hangfire;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Providers.Meta;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

/// <summary>
/// Scheduled replies (issue 26.5): a person picks a time; the row goes out then through <see cref="ScheduledReplyJob"/>.
/// SMS: the texting rules decide the time (<see cref="ISmsService.EarliestAllowedSendTimeAsync"/>, asked when it is
/// scheduled and again when it is due), and the SMS service's consent rules decide whether it goes at all; the SMS
/// correlation id <c>scheduled-reply:{id}</c> makes a retried send return the first one. Meta: only inside the 24-hour
/// window (a reply sent by the app at a later time is not a person typing, so the 7-day human-agent tag is never used);
/// a time past the window is refused when it is picked, with the last time that works.
/// </summary>
public sealed class ScheduledReplies(
    IDbContextFactory<AppDbContext> dbFactory,
    ISmsService sms,
    IMetaSendProvider meta,
    ConversationLog log,
    InboxNotifier notifier,
    IBackgroundJobClient jobs,
    Formats formats,
    TimeProvider time)
{
    public const int MaxScheduledText = 1000;

    /// <summary>How far ahead a reply may be scheduled.</summary>
    public static readonly TimeSpan MaxScheduleAhead = TimeSpan.FromDays(30);

    /// <summary>A sender's claim on a row; a claim older than this belonged to a sender that died.</summary>
    public static readonly TimeSpan ScheduledClaim = TimeSpan.FromMinutes(2);

    public static string ScheduledCorrelation(Guid id) => $"scheduled-reply:{id}";

    public async Task<ScheduleResult> ScheduleReplyAsync(Guid threadId, string? text, DateTime requestedAtUtc, bool marketing, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var thread = await db.Set<ConversationThread>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == threadId, ct);
        if (thread is null)
        {
            return new ScheduleResult(false, "notFound", "This conversation does not exist.");
        }
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return new ScheduleResult(false, "emptyText", "Write the reply first.");
        }
        if (text.Length > MaxScheduledText)
        {
            return new ScheduleResult(false, "tooLong", $"A scheduled reply has at most {MaxScheduledText} characters.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        requestedAtUtc = DateTime.SpecifyKind(requestedAtUtc, DateTimeKind.Utc);
        if (requestedAtUtc <= now)
        {
            return new ScheduleResult(false, "notInFuture", "Pick a time in the future (or send it now).");
        }
        if (requestedAtUtc > now + MaxScheduleAhead)
        {
            return new ScheduleResult(false, "tooFar", $"A reply can be scheduled at most {MaxScheduleAhead.Days} days ahead.");
        }
        var sendAt = requestedAtUtc;
        string? outcome = null;
        if (thread.Platform == Platform.Sms)
        {
            sendAt = await sms.EarliestAllowedSendTimeAsync(thread.ExternalId, Timing(marketing), requestedAtUtc, null, ct);
            if (sendAt > requestedAtUtc)
            {
                outcome = $"Held until {formats.When(sendAt)}: texting hours where this person may be do not allow {formats.When(requestedAtUtc)}.";
            }
        }
        else if (MetaRefusal(thread, requestedAtUtc) is { } refusal)
        {
            return new ScheduleResult(false, "outsideWindow", refusal);
        }
        var row = new ScheduledReply
        {
            ThreadId = thread.Id, Text = text, RequestedAt = requestedAtUtc, SendAt = sendAt, Marketing = marketing && thread.Platform == Platform.Sms,
            Status = ScheduledReplyStatus.Scheduled, Outcome = outcome, CreatedBy = actor.Name, CreatedAt = now,
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        jobs.Schedule<ScheduledReplyJob>(j => j.SendAsync(row.Id, CancellationToken.None), new DateTimeOffset(sendAt, TimeSpan.Zero));
        notifier.Publish(thread.Id);
        return new ScheduleResult(true, Detail: outcome, Reply: View(row));
    }

    /// <summary>
    /// Why a Meta reply cannot go out at <paramref name="atUtc"/>: Meta's standard window closes 24 hours after the
    /// person's last message, and a message the app sends later on its own is automated, never a human agent's.
    /// </summary>
    private string? MetaRefusal(ConversationThread thread, DateTime atUtc)
    {
        if (thread.LastInboundAt is not { } last)
        {
            return "This person has not written to us on this platform; Meta only allows replies to people who wrote first.";
        }
        var closes = last + MessagingWindow.Standard;
        return atUtc < closes ? null
            : $"Meta allows replies only within 24 hours of the person's last message, so a reply here can be scheduled until {formats.When(closes)} at the latest "
              + "(a scheduled reply is sent by the app, so Meta's 7-day human-agent window does not apply). Pick an earlier time, or wait for them to write again.";
    }

    /// <summary>Which texting hours time a scheduled text: a marketing one's, or a transactional one's (nobody waits for a scheduled reply at night).</summary>
    private static SmsPurpose Timing(bool marketing) => marketing ? SmsPurpose.Marketing : SmsPurpose.Transactional;

    /// <summary>Cancels a reply that has not gone out; false when it already went (or was cancelled, or never existed).</summary>
    public async Task<bool> CancelScheduledAsync(Guid id, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var threadId = await db.Set<ScheduledReply>().Where(r => r.Id == id).Select(r => (Guid?)r.ThreadId).FirstOrDefaultAsync(ct);
        var changed = await db.Set<ScheduledReply>().Where(r => r.Id == id && r.Status == ScheduledReplyStatus.Scheduled)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ScheduledReplyStatus.Cancelled).SetProperty(r => r.DoneAt, now)
                .SetProperty(r => r.Outcome, $"Cancelled by {actor.Name}"), ct);
        if (changed > 0 && threadId is { } thread)
        {
            notifier.Publish(thread);
        }
        return changed > 0;
    }

    /// <summary>A thread's replies still to go, and those that went wrong in the last week (newest first after the waiting ones).</summary>
    public async Task<IReadOnlyList<ScheduledReplyView>> ScheduledRepliesAsync(Guid threadId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var since = time.GetUtcNow().UtcDateTime.AddDays(-7);
        var rows = await db.Set<ScheduledReply>().AsNoTracking()
            .Where(r => r.ThreadId == threadId && (r.Status == ScheduledReplyStatus.Scheduled || r.Status == ScheduledReplyStatus.Sending
                || r.Status == ScheduledReplyStatus.Failed && r.DoneAt >= since))
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Status == ScheduledReplyStatus.Failed).ThenBy(r => r.SendAt).Select(View)];
    }

    public async Task<ScheduledReplyView?> GetScheduledAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ScheduledReply>().AsNoTracking().Where(r => r.Id == id).Select(r => View(r)).FirstOrDefaultAsync(ct);
    }

    private static ScheduledReplyView View(ScheduledReply r) =>
        new(r.Id, r.ThreadId, r.Text, r.RequestedAt, r.SendAt, r.Marketing, r.Status, r.Outcome, r.CreatedBy, r.DoneAt);

    /// <summary>
    /// Sends one scheduled reply if its time has come (the job's work). Claims the row first (a second job, a retry or the
    /// sweep finds it claimed or done); SMS asks the texting rules again and moves the row later when they say so; Meta
    /// checks the window again. Exactly once: SMS by the correlation id (a retry after a crash gets the first send's result);
    /// Meta by recording the message as the row's before the provider is called (a crash then leaves it unsent, never twice).
    /// </summary>
    public async Task SendScheduledAsync(Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var claimed = await db.Set<ScheduledReply>()
            .Where(r => r.Id == id && r.SendAt <= now
                && (r.Status == ScheduledReplyStatus.Scheduled || r.Status == ScheduledReplyStatus.Sending && r.LockedUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ScheduledReplyStatus.Sending).SetProperty(r => r.LockedUntil, now + ScheduledClaim), ct);
        if (claimed == 0)
        {
            return; // not due, done, cancelled, or another sender has it
        }
        var row = await db.Set<ScheduledReply>().FirstAsync(r => r.Id == id, ct);
        var thread = await db.Set<ConversationThread>().FirstOrDefaultAsync(t => t.Id == row.ThreadId, ct);
        if (thread is null)
        {
            Finish(row, ScheduledReplyStatus.Failed, "The conversation no longer exists.", now);
        }
        else if (thread.Platform == Platform.Sms)
        {
            await SendScheduledSmsAsync(db, row, thread, now, ct);
        }
        else
        {
            await SendScheduledMetaAsync(db, row, thread, now, ct);
            return;
        }
        await db.SaveChangesAsync(ct);
        notifier.Publish(row.ThreadId);
    }

    private async Task SendScheduledSmsAsync(Infrastructure.Data.AppDbContext db, ScheduledReply row, ConversationThread thread, DateTime now, CancellationToken ct)
    {
        var correlation = ScheduledCorrelation(row.Id);
        // Judged again now (a retry after a crash too: the same correlation id then returns the first send, whenever it runs).
        var allowed = await sms.EarliestAllowedSendTimeAsync(thread.ExternalId, Timing(row.Marketing), now, null, ct);
        if (allowed > now)
        {
            row.Status = ScheduledReplyStatus.Scheduled;
            row.LockedUntil = null;
            row.SendAt = allowed;
            row.Outcome = $"Held until {formats.When(allowed)}: texting hours where this person may be do not allow it earlier.";
            jobs.Schedule<ScheduledReplyJob>(j => j.SendAsync(row.Id, CancellationToken.None), new DateTimeOffset(allowed, TimeSpan.Zero));
            return;
        }
        var purpose = row.Marketing ? SmsPurpose.Marketing : SmsPurpose.Conversational;
        var result = await sms.SendAsync(new OutboundSms(thread.ContactId, thread.ExternalId, row.Text, purpose, correlation), ct);
        if (!result.Accepted)
        {
            Finish(row, ScheduledReplyStatus.Failed, InboxReplies.SmsRefusal(result.RefusedReason), now);
            return;
        }
        // Recorded once per SMS message id, so a retry that got the first send back adds nothing.
        await log.RecordOutboundAsync(db, thread.Platform, thread.ExternalId, thread.ContactId, thread.Title, row.Text, result.MessageId, row.CreatedBy, ct);
        row.MessageId = result.MessageId;
        Finish(row, ScheduledReplyStatus.Sent, null, now);
    }

    private async Task SendScheduledMetaAsync(Infrastructure.Data.AppDbContext db, ScheduledReply row, ConversationThread thread, DateTime now, CancellationToken ct)
    {
        if (row.MessageId is not null)
        {
            // Claimed again after a sender died during Meta's call: whether it went is unknown, and twice is worse than once.
            Finish(row, ScheduledReplyStatus.Failed, "The app stopped while sending this reply; check the thread before sending it again.", now);
            await db.SaveChangesAsync(ct);
            notifier.Publish(row.ThreadId);
            return;
        }
        var (allowed, _, refusal) = MessagingWindow.Decide(thread.Platform, thread.LastInboundAt, now, writtenByPerson: false);
        if (!allowed)
        {
            Finish(row, ScheduledReplyStatus.Failed, $"Not sent: {refusal}", now);
            await db.SaveChangesAsync(ct);
            notifier.Publish(row.ThreadId);
            return;
        }
        var message = new ConversationMessage
        {
            ThreadId = thread.Id, Direction = MessageDirection.Outbound, Text = row.Text, SentBy = row.CreatedBy, At = now, Status = MessageStatus.Queued, Automated = true,
        };
        db.Add(message);
        ConversationLog.Answered(thread, now, row.Text, automated: true);
        row.MessageId = message.Id;
        await db.SaveChangesAsync(ct);
        notifier.Publish(thread.Id);

        var sent = await meta.SendAsync(new MetaSendRequest(thread.ExternalId, row.Text, null, ConversationLog.EchoMetadataPrefix + message.Id), ct);
        await db.Set<ConversationMessage>().Where(m => m.Id == message.Id && m.Status == MessageStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, sent.Accepted ? MessageStatus.Sent : MessageStatus.Failed)
                .SetProperty(m => m.Error, sent.Accepted || sent.Error is null ? null : ConversationLog.Limit(sent.Error, 500)), ct);
        if (sent.Accepted && sent.MessageId is { } mid)
        {
            await db.Set<ConversationMessage>().Where(m => m.Id == message.Id && m.ExternalId == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.ExternalId, mid), ct);
        }
        Finish(row, sent.Accepted ? ScheduledReplyStatus.Sent : ScheduledReplyStatus.Failed, sent.Accepted ? null : ConversationLog.Limit($"{meta.Name}: {sent.Error}", 500), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        notifier.Publish(thread.Id);
        if (sent.Accepted && meta.IsSandbox)
        {
            jobs.Schedule<SandboxMetaReceiptJob>(j => j.RunAsync(message.Id, CancellationToken.None), TimeSpan.FromSeconds(2));
        }
    }

    private static void Finish(ScheduledReply row, ScheduledReplyStatus status, string? outcome, DateTime now)
    {
        row.Status = status;
        row.Outcome = outcome;
        row.DoneAt = now;
        row.LockedUntil = null;
    }

    /// <summary>The rows whose time has come (the sweep's list).</summary>
    public async Task<IReadOnlyList<Guid>> DueScheduledAsync(int max, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<ScheduledReply>().AsNoTracking()
            .Where(r => r.SendAt <= now && (r.Status == ScheduledReplyStatus.Scheduled || r.Status == ScheduledReplyStatus.Sending && r.LockedUntil < now))
            .OrderBy(r => r.SendAt).Select(r => r.Id).Take(max).ToListAsync(ct);
    }
}
