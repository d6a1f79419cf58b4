using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Ai;
using Microsoft.EntityFrameworkCore;
using HibachiAdmin.Infrastructure.Providers.Sms;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// An inbound SMS: contact by number, message appended to the contact's SMS thread, then consent
/// keywords — opt-out (ledger + one confirmation), opt-in, HELP.
/// </summary>
public sealed class InboundSmsHandler(
    ContactService contacts,
    InboxService inbox,
    SmsService sms,
    LeadService leads,
    IntentClassifier intents,
    IDbContextFactory<AppDbContext> dbFactory,
    Phones phones,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<InboundSmsHandler> logger)
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
        var (threadId, inboxMessageId, added) = await inbox.AppendInboundAsync(Platform.Sms, contact.Phone!, contact.Id, contact.Name, text, messageId, at, ct);
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
            case KeywordKind.Review:
                return $"appended to thread {threadId} (looks like a keyword; left for staff)";
            default:
                return await DetectBookingAsync(contact, text, at, threadId, inboxMessageId, ct);
        }
    }

    /// <summary>A booking inquiry becomes a lead (or fills the contact's open lead) — never for our own or staff numbers.</summary>
    private async Task<string> DetectBookingAsync(Contact contact, string text, DateTime at, Guid threadId, Guid messageId, CancellationToken ct)
    {
        if (await IsInternalNumberAsync(contact.Phone!, ct))
        {
            return $"appended to thread {threadId} (internal number: no lead)";
        }
        var intent = await intents.ClassifyAsync(text, at, ct);
        if (intent.Kind != IntentKind.BookingInquiry)
        {
            return $"appended to thread {threadId} ({intent.Kind})";
        }
        var (lead, created) = await leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact.Id, LeadSource.Sms,
            EventDate: intent.EventDate, GuestCount: intent.GuestCount is > 0 and <= LeadService.MaxGuests ? intent.GuestCount : null,
            Zip: intent.Zip, Location: intent.City, Occasion: intent.Occasion is { } o ? char.ToUpperInvariant(o[0]) + o[1..] : null,
            EstimatedValue: intent.Budget, Notes: $"SMS {at:yyyy-MM-dd}: {text}", ThreadId: threadId, MessageId: messageId), Actor.System, ct);
        return created ? $"lead {lead.Id} created (confidence {intent.Confidence:F2})" : $"lead {lead.Id} updated";
    }

    private async Task<bool> IsInternalNumberAsync(string e164, CancellationToken ct)
    {
        var own = new[] { configuration["RingCentral:FromNumber"], configuration["Business:Phone"] }.Select(phones.ToE164);
        if (own.Contains(e164))
        {
            return true;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staffPhones = await db.Users.AsNoTracking().Where(u => u.PhoneNumber != null).Select(u => u.PhoneNumber!).ToListAsync(ct);
        return staffPhones.Select(phones.ToE164).Contains(e164);
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
