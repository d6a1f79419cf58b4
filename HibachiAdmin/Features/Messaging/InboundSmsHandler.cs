using System.Text.Json;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// An inbound SMS, applied in the caller's unit of work (all or nothing with the processed mark):
/// contact by number, message appended to the contact's SMS thread, consent keywords applied in the
/// texts' own order. What leaves the process (the opt-out confirmation, HELP answer, booking intent
/// and lead) is queued as outbox events in the same commit and done by <see cref="InboundSmsEffects"/>.
/// </summary>
public sealed class InboundSmsHandler(IContactService contacts, IInboundConversations inbox, EventStore events, Phones phones)
{
    /// <summary>Loads what a batch of SMS notifications will look up (contacts, threads, known messages) in a few queries.</summary>
    public async Task PreloadAsync(AppDbContext db, IEnumerable<(InboundEvent Row, JsonElement Body)> batch, CancellationToken ct)
    {
        var tx = new CrossFeatureTransaction(db);
        var texts = batch.Select(b => InboundSms.TryRead(b.Body, b.Row.ReceivedAt, out _)).OfType<InboundSms>()
            .Select(s => (Phone: phones.ToE164(s.From), s.MessageId)).Where(s => s.Phone is not null).Select(s => (s.Phone!, s.MessageId)).ToList();
        // Stryker disable once Block,Statement : only a shortcut; both preloads run no query for an empty list
        if (texts.Count == 0)
        {
            return;
        }
        await contacts.PreloadByPhonesAsync(tx, texts.Select(t => t.Item1), ct);
        await inbox.PreloadInboundAsync(tx, Platform.Sms, texts, ct);
    }

    public async Task<string> HandleAsync(AppDbContext db, InboundEvent row, JsonElement body, CancellationToken ct)
    {
        var tx = new CrossFeatureTransaction(db);
        if (InboundSms.TryRead(body, row.ReceivedAt, out var problem) is not { } sms)
        {
            return $"ignored: {problem}";
        }
        var found = await contacts.FindOrCreateByPhoneAsync(tx, sms.From, sms.FromName, ct);
        if (found is null)
        {
            return $"ignored: sender is not a valid number";
        }
        var contact = found.Value.Contact;
        var (threadId, messageId, added) = await inbox.AppendInboundAsync(tx, new InboundMessage(Platform.Sms, contact.Phone!, contact.Id, contact.Name, sms.Text, sms.MessageId, sms.SentAt), ct);
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
                var optOut = await contacts.ApplyKeywordAsync(tx, contact.Id, SmsConsent.OptedOut, sms.SentAt, evidence, ct);
                if (optOut == KeywordConsentOutcome.Applied)
                {
                    events.Publish(db, MessagingEvents.OptedOut, contact.Id, effect);
                }
                return $"opt-out {optOut.ToString().ToLowerInvariant()} (thread {threadId})";
            case KeywordKind.OptIn:
                var optIn = await contacts.ApplyKeywordAsync(tx, contact.Id, SmsConsent.OptedIn, sms.SentAt, evidence, ct);
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
