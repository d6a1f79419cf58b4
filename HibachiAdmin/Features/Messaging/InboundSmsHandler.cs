using System.Text.Json;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;

namespace HibachiAdmin.Features.Messaging;

/// <summary>The facts of one inbound RingCentral SMS, read from the notification body with their types checked.</summary>
public sealed record InboundSms(string From, string? FromName, string MessageId, string Text, DateTime SentAt)
{
    /// <summary>
    /// Reads a message-store instant body. A field of the wrong type is reported by name (the event is
    /// then recorded as ignored with that reason, not retried: a retry cannot fix a payload).
    /// </summary>
    public static InboundSms? TryRead(JsonElement body, DateTime receivedAt, out string? problem)
    {
        problem = null;
        if (!body.TryGetProperty("from", out var from) || from.ValueKind != JsonValueKind.Object)
        {
            problem = "body.from is missing or not an object";
            return null;
        }
        if (!from.TryGetProperty("phoneNumber", out var number) || number.ValueKind != JsonValueKind.String)
        {
            problem = "body.from.phoneNumber is missing or not a string";
            return null;
        }
        string? name = null;
        if (from.TryGetProperty("name", out var n) && n.ValueKind is not JsonValueKind.Null)
        {
            if (n.ValueKind != JsonValueKind.String)
            {
                problem = "body.from.name is not a string";
                return null;
            }
            name = n.GetString();
        }
        if (!body.TryGetProperty("id", out var id) || id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            problem = "body.id is missing or not a string or number";
            return null;
        }
        var messageId = id.ValueKind == JsonValueKind.Number ? id.GetRawText() : id.GetString()!;
        if (messageId.Length is 0 or > 100)
        {
            problem = "body.id is empty or longer than 100 characters";
            return null;
        }
        var text = "";
        if (body.TryGetProperty("subject", out var subject) && subject.ValueKind is not JsonValueKind.Null)
        {
            if (subject.ValueKind != JsonValueKind.String)
            {
                problem = "body.subject is not a string";
                return null;
            }
            text = subject.GetString()!;
        }
        var sentAt = receivedAt;
        if (body.TryGetProperty("creationTime", out var created) && created.ValueKind is not JsonValueKind.Null)
        {
            if (created.ValueKind != JsonValueKind.String || !created.TryGetDateTime(out var at))
            {
                problem = "body.creationTime is not an ISO 8601 time";
                return null;
            }
            // Provider time orders consent keywords; never later than we received it (a skewed clock cannot lock consent).
            var utc = at.ToUniversalTime();
            // Stryker disable once Equality : "<" → "<=" picks between two equal instants
            sentAt = utc < receivedAt ? utc : receivedAt;
        }
        return new InboundSms(number.GetString()!, name, messageId, text, sentAt);
    }
}

/// <summary>
/// An inbound SMS, applied in the caller's unit of work (all or nothing with the processed mark):
/// contact by number, message appended to the contact's SMS thread, consent keywords applied in the
/// texts' own order. What leaves the process (the opt-out confirmation, HELP answer, booking intent
/// and lead) is queued as outbox events in the same commit and done by <see cref="InboundSmsEffects"/>.
/// </summary>
public sealed class InboundSmsHandler(ContactService contacts, InboxService inbox, EventStore events, Phones phones)
{
    /// <summary>Loads what a batch of SMS notifications will look up (contacts, threads, known messages) in a few queries.</summary>
    public async Task PreloadAsync(AppDbContext db, IEnumerable<(InboundEvent Row, JsonElement Body)> batch, CancellationToken ct)
    {
        var texts = batch.Select(b => InboundSms.TryRead(b.Body, b.Row.ReceivedAt, out _)).OfType<InboundSms>()
            .Select(s => (Phone: phones.ToE164(s.From), s.MessageId)).Where(s => s.Phone is not null).Select(s => (s.Phone!, s.MessageId)).ToList();
        // Stryker disable once Block,Statement : only a shortcut; both preloads run no query for an empty list
        if (texts.Count == 0)
        {
            return;
        }
        await contacts.PreloadByPhonesAsync(db, texts.Select(t => t.Item1), ct);
        await inbox.PreloadInboundAsync(db, Platform.Sms, texts, ct);
    }

    public async Task<string> HandleAsync(AppDbContext db, InboundEvent row, JsonElement body, CancellationToken ct)
    {
        if (InboundSms.TryRead(body, row.ReceivedAt, out var problem) is not { } sms)
        {
            return $"ignored: {problem}";
        }
        var found = await contacts.FindOrCreateByPhoneAsync(db, sms.From, sms.FromName, ct);
        if (found is null)
        {
            return $"ignored: sender is not a valid number";
        }
        var contact = found.Value.Contact;
        var (threadId, messageId, added) = await inbox.AppendInboundAsync(db, Platform.Sms, contact.Phone!, contact.Id, contact.Name, sms.Text, sms.MessageId, sms.SentAt, ct);
        if (!added)
        {
            // Stored by an earlier notification whose processing committed in full (it is all or nothing).
            return "duplicate message";
        }

        var evidence = $"Inbound SMS {sms.MessageId} at {sms.SentAt:O}: \"{sms.Text}\"";
        var effect = new InboundSmsEvent(contact.Id, contact.Phone!, contact.Name, threadId, messageId, sms.Text, sms.SentAt);
        switch (SmsKeywords.Classify(sms.Text, contact.SmsConsent))
        {
            case KeywordKind.OptOut:
                var optOut = await contacts.ApplyKeywordAsync(db, contact.Id, SmsConsent.OptedOut, sms.SentAt, evidence, ct);
                if (optOut == KeywordConsentOutcome.Applied)
                {
                    events.Publish(db, MessagingEvents.OptedOut, contact.Id, effect);
                }
                return $"opt-out {optOut.ToString().ToLowerInvariant()} (thread {threadId})";
            case KeywordKind.OptIn:
                var optIn = await contacts.ApplyKeywordAsync(db, contact.Id, SmsConsent.OptedIn, sms.SentAt, evidence, ct);
                if (optIn == KeywordConsentOutcome.Applied)
                {
                    events.Publish(db, MessagingEvents.OptedIn, contact.Id, effect);
                }
                return $"opt-in {optIn.ToString().ToLowerInvariant()} (thread {threadId})";
            case KeywordKind.Help:
                events.Publish(db, MessagingEvents.HelpRequested, contact.Id, effect);
                return $"help requested (thread {threadId})";
            case KeywordKind.Review:
                return $"appended to thread {threadId} (looks like a keyword; left for staff)";
            default:
                events.Publish(db, MessagingEvents.Received, contact.Id, effect);
                return $"appended to thread {threadId}";
        }
    }
}

public static class MessagingEvents
{
    public const string OptedOut = "sms.opted-out.v1";
    public const string OptedIn = "sms.opted-in.v1";
    public const string HelpRequested = "sms.help-requested.v1";
    /// <summary>A text that is not a keyword: checked for booking intent.</summary>
    public const string Received = "sms.received.v1";
}

/// <param name="MessageId">The inbox message (stable across retries: the idempotency key of every effect).</param>
public sealed record InboundSmsEvent(Guid ContactId, string Phone, string ContactName, Guid ThreadId, Guid MessageId, string Text, DateTime SentAt);
