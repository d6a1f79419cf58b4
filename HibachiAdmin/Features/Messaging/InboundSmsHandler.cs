using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Infrastructure.Providers.Sms;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// An inbound SMS: contact by number, message appended to the contact's SMS thread, then consent
/// keywords — opt-out (ledger + one confirmation), opt-in, HELP.
/// </summary>
public sealed class InboundSmsHandler(ContactService contacts, InboxService inbox, SmsService sms, TimeProvider time, ILogger<InboundSmsHandler> logger)
{
    public async Task<string> HandleAsync(JsonElement body, CancellationToken ct)
    {
        var from = body.TryGetProperty("from", out var f) && f.TryGetProperty("phoneNumber", out var fp) ? fp.GetString() : null;
        var messageId = body.TryGetProperty("id", out var idElement) ? idElement.ValueKind == JsonValueKind.Number ? idElement.GetRawText() : idElement.GetString() : null;
        var text = body.TryGetProperty("subject", out var subject) ? subject.GetString() ?? "" : "";
        var at = body.TryGetProperty("creationTime", out var created) && created.TryGetDateTime(out var createdAt) ? createdAt.ToUniversalTime() : time.GetUtcNow().UtcDateTime;
        var name = f.ValueKind == JsonValueKind.Object && f.TryGetProperty("name", out var n) ? n.GetString() : null;

        var found = await contacts.FindOrCreateByPhoneAsync(from ?? "", name, ct);
        if (found is null)
        {
            return $"ignored: sender '{from}' is not a valid number";
        }
        var contact = found.Value.Contact;
        var (threadId, _, added) = await inbox.AppendInboundAsync(Platform.Sms, contact.Phone!, contact.Id, contact.Name, text, messageId, at, ct);
        if (!added)
        {
            return "duplicate message";
        }

        var evidence = $"Inbound SMS {messageId} at {at:O}: \"{text}\"";
        switch (SmsKeywords.Classify(text, contact.SmsConsent))
        {
            case KeywordKind.OptOut:
                await contacts.SetConsentAsync(contact.Id, new ConsentChange(SmsConsent.OptedOut, "sms-keyword", evidence), Actor.System, ct);
                await SendAndRecordAsync(contact, sms.OptOutConfirmationText, SmsPurpose.OptOutConfirmation, $"optout-confirmation:{messageId}", ct);
                logger.LogInformation("Contact {ContactId} opted out by SMS", contact.Id);
                return $"opt-out (thread {threadId})";
            case KeywordKind.OptIn:
                await contacts.SetConsentAsync(contact.Id, new ConsentChange(SmsConsent.OptedIn, "sms-keyword", evidence), Actor.System, ct);
                await SendAndRecordAsync(contact, sms.OptInConfirmationText, SmsPurpose.Conversational, $"optin-confirmation:{messageId}", ct);
                return $"opt-in (thread {threadId})";
            case KeywordKind.Help:
                await SendAndRecordAsync(contact, sms.HelpText, SmsPurpose.Help, $"help:{messageId}", ct);
                return $"help answered (thread {threadId})";
            default:
                return $"appended to thread {threadId}";
        }
    }

    private async Task SendAndRecordAsync(Contact contact, string text, SmsPurpose purpose, string correlationId, CancellationToken ct)
    {
        var result = await sms.SendAsync(new OutboundSms(contact.Id, contact.Phone!, text, purpose, correlationId), ct);
        if (result.Accepted)
        {
            await inbox.RecordOutboundAsync(Platform.Sms, contact.Phone!, contact.Id, contact.Name, text, result.MessageId, "system", ct);
        }
    }
}
