using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Inbox.Contracts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Ai;
using HibachiAdmin.Infrastructure.Providers.Meta;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

/// <summary>
/// The inbox feature's public service: one model for SMS, Instagram and Facebook threads. Provider
/// handlers append in their own unit of work (all or nothing with the notification's processed mark);
/// pages and the API list, read, reply, assign and change status. Open pages hear of every committed
/// change through <see cref="InboxNotifier"/>.
/// </summary>
public sealed partial class InboxService(
    IDbContextFactory<AppDbContext> dbFactory,
    ISmsService sms,
    IMetaSendProvider meta,
    IContactService contacts,
    ILeadService leads,
    IntentClassifier intents,
    ReplySuggester suggester,
    InboxNotifier notifier,
    Hangfire.IBackgroundJobClient jobs,
    Formats formats,
    TimeProvider time,
    ILogger<InboxService> logger) : IInboxService, IInboundConversations
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Appends an inbound message to the (platform, party) thread in the caller's unit of work,
    /// creating the thread when new. Idempotent on the provider's message id: a message already
    /// stored (or added earlier in the same unit of work) returns it with <c>Added=false</c>.
    /// </summary>
    public Task<(Guid ThreadId, Guid MessageId, bool Added)> AppendInboundAsync(AppDbContext db,
        Platform platform, string externalPartyId, Guid? contactId, string title, string text, string? externalMessageId, DateTime at, CancellationToken ct) =>
        AppendInboundAsync(db, new InboundMessage(platform, externalPartyId, contactId, title, text, externalMessageId, at), ct);

    public async Task<(Guid ThreadId, Guid MessageId, bool Added)> AppendInboundAsync(AppDbContext db, InboundMessage m, CancellationToken ct)
    {
        var thread = await FindOrAddThreadAsync(db, m.Platform, m.Party, m.ContactId, m.Title, ct);
        if (m.ExternalMessageId is not null && await FindMessageAsync(db, thread, m.Platform, m.ExternalMessageId, ct) is { } existing)
        {
            return (thread.Id, existing.Id, false);
        }
        var message = new ConversationMessage
        {
            ThreadId = thread.Id, Direction = MessageDirection.Inbound, Text = Limit(m.Text, 4000), ExternalId = m.ExternalMessageId, At = m.At,
            Kind = m.Kind, Attachments = AttachmentsJson(m.Attachments), ReplyToExternalId = m.ReplyToExternalId is { } r ? Limit(r, 100) : null,
        };
        db.Add(message);
        if (m.ExternalMessageId is not null)
        {
            UnitOfWorkCache.Set(db, MessageKey(m.Platform, m.ExternalMessageId), message);
        }
        thread.ContactId ??= m.ContactId;
        thread.AccountId ??= m.AccountId;
        // A customer reply reopens the thread, whatever its status (a snooze ends early).
        thread.Status = ThreadStatus.Open;
        thread.SnoozedUntil = null;
        thread.UnreadCount++;
        if (thread.LastInboundAt is null || m.At > thread.LastInboundAt)
        {
            thread.LastInboundAt = m.At;
        }
        if (thread.WaitingSince is null || m.At < thread.WaitingSince)
        {
            thread.WaitingSince = m.At;
        }
        if (m.At >= thread.LastMessageAt)
        {
            thread.LastMessageAt = m.At;
            thread.LastMessagePreview = Preview(m.Kind, m.Text, m.Attachments);
        }
        notifier.AfterCommit(db, thread.Id);
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
        var automated = sentBy == Actor.System.Name;
        db.Add(new ConversationMessage { ThreadId = thread.Id, Direction = MessageDirection.Outbound, Text = Limit(text, 4000), OutboundMessageId = outboundMessageId, SentBy = sentBy, At = now, Automated = automated });
        Answered(thread, now, text, automated);
        notifier.AfterCommit(db, thread.Id);
    }

    /// <summary>Records an outbound message in its own unit of work.</summary>
    public async Task RecordOutboundAsync(Platform platform, string externalPartyId, Guid? contactId, string title, string text, Guid? outboundMessageId, string sentBy, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RecordOutboundAsync(db, platform, externalPartyId, contactId, title, text, outboundMessageId, sentBy, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A Meta echo: a message sent from our Page/account. One the app sent (matched by the metadata it
    /// carried, or its message id) is marked sent; one sent from Meta's own apps is added as outbound.
    /// </summary>
    /// <returns>"confirmed", "recorded" or "duplicate".</returns>
    public async Task<string> RecordEchoAsync(AppDbContext db, Platform platform, string party, string accountId, string mid, string text,
        IReadOnlyList<MessageAttachment>? attachments, string? metadata, DateTime at, CancellationToken ct)
    {
        var thread = await FindOrAddThreadAsync(db, platform, party, null, DefaultTitle(platform, party), ct);
        thread.AccountId ??= accountId;
        ConversationMessage? ours = null;
        if (metadata is not null && metadata.StartsWith(EchoMetadataPrefix, StringComparison.Ordinal)
            && Guid.TryParse(metadata.AsSpan(EchoMetadataPrefix.Length), out var messageId))
        {
            ours = db.Set<ConversationMessage>().Local.FirstOrDefault(m => m.Id == messageId)
                ?? await db.Set<ConversationMessage>().FirstOrDefaultAsync(m => m.Id == messageId && m.ThreadId == thread.Id, ct);
        }
        ours ??= await FindMessageAsync(db, thread, platform, mid, ct, tracked: true);
        if (ours is not null)
        {
            if (ours.Direction != MessageDirection.Outbound)
            {
                return "duplicate";
            }
            ours.ExternalId ??= mid;
            var moved = Advance(ours, MessageStatus.Sent);
            notifier.AfterCommit(db, thread.Id);
            return moved ? "confirmed" : "duplicate";
        }
        var message = new ConversationMessage
        {
            ThreadId = thread.Id, Direction = MessageDirection.Outbound, Text = Limit(text, 4000), ExternalId = mid, At = at,
            SentBy = "Meta app", Status = MessageStatus.Sent, Attachments = AttachmentsJson(attachments),
        };
        db.Add(message);
        UnitOfWorkCache.Set(db, MessageKey(platform, mid), message);
        Answered(thread, at, text.Length > 0 ? text : Preview(MessageKind.Text, text, attachments), automated: false);
        notifier.AfterCommit(db, thread.Id);
        return "recorded";
    }

    /// <summary>
    /// A delivery or read receipt for our messages in the party's thread: the listed message ids, and
    /// everything we sent at or before the watermark. Statuses only move forward.
    /// </summary>
    /// <returns>How many messages changed.</returns>
    public async Task<int> ApplyReceiptAsync(AppDbContext db, Platform platform, string party, MessageStatus to, IReadOnlyCollection<string> mids, DateTime? watermark, CancellationToken ct)
    {
        var thread = await db.Set<ConversationThread>().AsNoTracking().FirstOrDefaultAsync(t => t.Platform == platform && t.ExternalId == party, ct);
        if (thread is null)
        {
            return 0;
        }
        var candidates = await db.Set<ConversationMessage>()
            .Where(m => m.ThreadId == thread.Id && m.Direction == MessageDirection.Outbound && m.Status != null
                        && ((m.ExternalId != null && mids.Contains(m.ExternalId)) || (watermark != null && m.At <= watermark)))
            .ToListAsync(ct);
        if (mids.Count > 0 && to == MessageStatus.Read)
        {
            // Instagram's "seen" names one message: everything we sent up to it has been seen.
            var last = candidates.Where(m => m.ExternalId != null && mids.Contains(m.ExternalId)).Select(m => (DateTime?)m.At).Max();
            if (last is { } until)
            {
                candidates.AddRange(await db.Set<ConversationMessage>()
                    .Where(m => m.ThreadId == thread.Id && m.Direction == MessageDirection.Outbound && m.Status != null && m.At <= until).ToListAsync(ct));
            }
        }
        var changed = candidates.DistinctBy(m => m.Id).Count(m => Advance(m, to));
        if (changed > 0)
        {
            notifier.AfterCommit(db, thread.Id);
        }
        return changed;
    }

    internal const string EchoMetadataPrefix = "admin-app:reply:";

    /// <summary>True when this unit of work created the (platform, party) thread (a provider handler then asks for the person's name).</summary>
    public static bool IsNewThread(AppDbContext db, Platform platform, string party) =>
        UnitOfWorkCache.TryGet<ConversationThread>(db, ThreadKey(platform, party), out var thread) && thread is not null && db.Entry(thread).State == EntityState.Added;

    /// <summary>Gives a thread the person's name, unless staff or an earlier lookup already named it.</summary>
    public async Task<bool> NameThreadAsync(AppDbContext db, Guid threadId, string name, CancellationToken ct)
    {
        var thread = await db.Set<ConversationThread>().FirstOrDefaultAsync(t => t.Id == threadId, ct);
        name = PersonNames.Clean(name);
        if (thread is null || thread.Title != DefaultTitle(thread.Platform, thread.ExternalId) || name.Length == 0)
        {
            return false;
        }
        thread.Title = Limit(name, 200);
        notifier.AfterCommit(db, thread.Id);
        return true;
    }

    private static bool Advance(ConversationMessage m, MessageStatus to)
    {
        if (m.Status is { } current && (current == MessageStatus.Failed || Rank(current) >= Rank(to)))
        {
            return false;
        }
        m.Status = to;
        return true;
    }

    private static int Rank(MessageStatus s) => s switch
    {
        MessageStatus.Queued => 0,
        MessageStatus.Sent => 1,
        MessageStatus.Delivered => 2,
        MessageStatus.Read => 3,
        _ => 4,
    };

    private static void Answered(ConversationThread thread, DateTime at, string text, bool automated)
    {
        if (!automated)
        {
            thread.WaitingSince = null;
        }
        if (at >= thread.LastMessageAt)
        {
            thread.LastMessageAt = at;
            thread.LastMessagePreview = Preview(MessageKind.Text, text, null);
        }
    }

    private async Task<ConversationMessage?> FindMessageAsync(AppDbContext db, ConversationThread thread, Platform platform, string externalMessageId, CancellationToken ct, bool tracked = false)
    {
        var key = MessageKey(platform, externalMessageId);
        if (UnitOfWorkCache.TryGet<ConversationMessage>(db, key, out var existing) && (existing is null || !tracked || db.Entry(existing).State != EntityState.Detached))
        {
            return existing is not null && existing.ThreadId == thread.Id ? existing : null;
        }
        if (db.Entry(thread).State == EntityState.Added)
        {
            return null;
        }
        var query = db.Set<ConversationMessage>().Where(m => m.ThreadId == thread.Id && m.ExternalId == externalMessageId);
        return tracked ? await query.FirstOrDefaultAsync(ct) : await query.AsNoTracking().FirstOrDefaultAsync(ct);
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

    public static string DefaultTitle(Platform platform, string party) =>
        $"{(platform == Platform.Instagram ? "Instagram" : platform == Platform.Facebook ? "Facebook" : "SMS")} user …{(party.Length > 4 ? party[^4..] : party)}";

    private static string ThreadKey(Platform platform, string party) => $"thread:{platform}:{party}";

    private static string MessageKey(Platform platform, string externalMessageId) => $"message:{platform}:{externalMessageId}";

    private static string Limit(string text, int max) => text.Length > max ? text[..max] : text;

    private static string? AttachmentsJson(IReadOnlyList<MessageAttachment>? attachments)
    {
        if (attachments is not { Count: > 0 })
        {
            return null;
        }
        var json = JsonSerializer.Serialize(attachments, Json);
        return json.Length <= 4000 ? json : JsonSerializer.Serialize(attachments.Select(a => a with { Url = null }).Take(20), Json);
    }

    /// <summary>What the thread list shows for a message: its text, or what it is when it has none.</summary>
    internal static string Preview(MessageKind kind, string text, IReadOnlyList<MessageAttachment>? attachments)
    {
        var shown = kind switch
        {
            MessageKind.Reaction => $"Reacted {text}",
            MessageKind.StoryMention => "Mentioned you in their story",
            MessageKind.StoryReply => $"Replied to your story: {text}",
            _ when text.Length == 0 && attachments is { Count: > 0 } => $"Sent {(attachments.Count == 1 ? "an attachment" : $"{attachments.Count} attachments")} ({attachments[0].Type})",
            _ => text,
        };
        return shown.Length > 200 ? shown[..197] + "..." : shown;
    }
}
