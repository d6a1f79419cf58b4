using System.Text.Json;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// Applies one stored Meta messaging event in the caller's unit of work (all or nothing with its
/// processed mark): messages and attachments join the person's Instagram/Facebook thread in the one
/// inbox; echoes are our own sends (confirmed, or recorded when sent from Meta's apps); delivery and
/// read receipts move our messages' marks forward; reactions, postbacks and story replies/mentions
/// become messages a person sees in context — a 👍 to "Is Friday 2 pm good?" is an answer.
/// </summary>
public sealed class MetaInboundHandler(IInboundConversations inbox, Infrastructure.Events.EventStore events)
{
    public async Task<string> HandleAsync(AppDbContext db, InboundEvent row, JsonElement root, CancellationToken ct)
    {
        var tx = new CrossFeatureTransaction(db);
        if (!root.TryGetProperty("event", out var e) || e.ValueKind != JsonValueKind.Object)
        {
            return "ignored: no event";
        }
        var platform = Str(root, "object") == "instagram" ? Platform.Instagram : Platform.Facebook;
        var sender = Id(e, "sender");
        var recipient = Id(e, "recipient");
        if (sender is null || recipient is null)
        {
            return "ignored: sender.id or recipient.id is missing";
        }
        var at = e.TryGetProperty("timestamp", out var ts) && ts.ValueKind == JsonValueKind.Number && ts.TryGetInt64(out var ms) ? FromMs(ms, row.ReceivedAt) : row.ReceivedAt;

        if (e.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object)
        {
            var mid = Str(message, "mid");
            if (mid is null)
            {
                return "ignored: message.mid is missing";
            }
            var attachments = Attachments(message);
            var text = Str(message, "text") ?? "";
            if (message.TryGetProperty("is_deleted", out var deleted) && deleted.ValueKind == JsonValueKind.True)
            {
                return "ignored: message deleted by the sender";
            }
            if (message.TryGetProperty("is_echo", out var echo) && echo.ValueKind == JsonValueKind.True)
            {
                // Our own message: the customer is the recipient.
                var outcome = await inbox.RecordEchoAsync(tx, platform, recipient, sender, mid, text, attachments, Str(message, "metadata"), at, ct);
                return $"echo {outcome}";
            }
            var kind = MessageKind.Text;
            string? replyTo = null;
            if (message.TryGetProperty("reply_to", out var reply) && reply.ValueKind == JsonValueKind.Object)
            {
                if (reply.TryGetProperty("story", out var story) && story.ValueKind == JsonValueKind.Object)
                {
                    kind = MessageKind.StoryReply;
                    attachments = [.. attachments, new MessageAttachment("story", Str(story, "url"))];
                }
                replyTo = Str(reply, "mid");
            }
            if (attachments.Any(a => a.Type == "story_mention"))
            {
                kind = MessageKind.StoryMention;
            }
            if (message.TryGetProperty("quick_reply", out var quick) && quick.ValueKind == JsonValueKind.Object && text.Length == 0)
            {
                text = Str(quick, "payload") ?? "";
            }
            var (threadId, _, added) = await inbox.AppendInboundAsync(tx, new InboundMessage(platform, sender, null, inbox.DefaultTitle(platform, sender),
                text, mid.Length <= 100 ? mid : row.ExternalId, at, kind, attachments, replyTo, recipient), ct);
            AskForName(db, platform, sender, threadId);
            return added ? $"{Word(kind)} appended to thread {threadId}" : "duplicate message";
        }
        if (e.TryGetProperty("reaction", out var reaction) && reaction.ValueKind == JsonValueKind.Object)
        {
            var target = Str(reaction, "mid");
            var unreact = Str(reaction, "action") == "unreact";
            var emoji = Str(reaction, "emoji") ?? Str(reaction, "reaction") ?? "";
            var text = unreact ? $"removed their reaction {emoji}".Trim() : emoji;
            var (threadId, _, added) = await inbox.AppendInboundAsync(tx, new InboundMessage(platform, sender, null, inbox.DefaultTitle(platform, sender),
                text, row.ExternalId, at, MessageKind.Reaction, null, target, recipient), ct);
            AskForName(db, platform, sender, threadId);
            return added ? $"reaction appended to thread {threadId}" : "duplicate reaction";
        }
        if (e.TryGetProperty("postback", out var postback) && postback.ValueKind == JsonValueKind.Object)
        {
            var text = Str(postback, "title") ?? Str(postback, "payload") ?? "";
            var (threadId, _, added) = await inbox.AppendInboundAsync(tx, new InboundMessage(platform, sender, null, inbox.DefaultTitle(platform, sender),
                text, Str(postback, "mid") ?? row.ExternalId, at, AccountId: recipient), ct);
            AskForName(db, platform, sender, threadId);
            return added ? $"postback appended to thread {threadId}" : "duplicate postback";
        }
        if (e.TryGetProperty("delivery", out var delivery) && delivery.ValueKind == JsonValueKind.Object)
        {
            var changed = await inbox.ApplyReceiptAsync(tx, platform, sender, MessageStatus.Delivered, Mids(delivery), Watermark(delivery, row.ReceivedAt), ct);
            return $"delivery receipt: {changed} message(s) delivered";
        }
        if (e.TryGetProperty("read", out var read) && read.ValueKind == JsonValueKind.Object)
        {
            var mids = Str(read, "mid") is { } one ? new[] { one } : Mids(read);
            var changed = await inbox.ApplyReceiptAsync(tx, platform, sender, MessageStatus.Read, mids, Watermark(read, row.ReceivedAt), ct);
            return $"read receipt: {changed} message(s) read";
        }
        return "ignored: unsupported event";
    }

    /// <summary>A thread this notification created gets the person's name looked up from the outbox, after the commit.</summary>
    private void AskForName(AppDbContext db, Platform platform, string party, Guid threadId)
    {
        if (inbox.IsNewThread(new CrossFeatureTransaction(db), platform, party))
        {
            events.Publish(db, MetaProfileEffects.ThreadStarted, threadId, new MetaThreadStarted(threadId, party));
        }
    }

    private static string Word(MessageKind kind) => kind switch
    {
        MessageKind.StoryReply => "story reply",
        MessageKind.StoryMention => "story mention",
        _ => "message",
    };

    private static DateTime FromMs(long ms, DateTime fallback)
    {
        if (ms is <= 0 or > 253402300799999)
        {
            return fallback;
        }
        var at = DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
        // Never later than we received it: a skewed clock must not reorder the thread into the future.
        return at < fallback ? at : fallback;
    }

    private static DateTime? Watermark(JsonElement receipt, DateTime receivedAt) =>
        receipt.TryGetProperty("watermark", out var w) && w.ValueKind == JsonValueKind.Number && w.TryGetInt64(out var ms) && ms > 0 ? FromMs(ms, receivedAt) : null;

    private static string[] Mids(JsonElement receipt) =>
        receipt.TryGetProperty("mids", out var mids) && mids.ValueKind == JsonValueKind.Array
            ? mids.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!).Take(100).ToArray()
            : [];

    private static List<MessageAttachment> Attachments(JsonElement message)
    {
        var list = new List<MessageAttachment>();
        if (message.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
        {
            foreach (var a in attachments.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object).Take(20))
            {
                var url = a.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object ? Str(p, "url") : null;
                list.Add(new MessageAttachment(Str(a, "type") ?? "file", url is { Length: <= 1000 } && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == "https" ? url : null));
            }
        }
        return list;
    }

    private static string? Id(JsonElement e, string name) =>
        e.TryGetProperty(name, out var o) && o.ValueKind == JsonValueKind.Object && o.TryGetProperty("id", out var id)
            && id.ValueKind is JsonValueKind.String or JsonValueKind.Number && id.ToString() is { Length: > 0 and <= 100 } value ? value : null;

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
