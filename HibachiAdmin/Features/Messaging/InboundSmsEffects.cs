using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Providers.Ai;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// What an inbound text sets off outside its own transaction, run from the outbox (so only after
/// that transaction committed, and again after a crash until done): the one opt-out confirmation, the
/// opt-in confirmation, the HELP answer, and booking intent → lead. Texts carry a correlation id made
/// from the inbox message id, so a retry never sends twice; database changes (lead, the reply in the
/// thread) commit with the dispatcher's processed mark.
/// </summary>
public sealed class InboundSmsEffects(ISmsService sms, SmsService texts, IInboundConversations inbox, ILeadService leads, Contracts.ICampaignReplyAttribution campaigns, IntentClassifier intents,
    IDbContextFactory<AppDbContext> dbFactory, Contacts.Contracts.Phones phones, IConfiguration configuration, TimeProvider time) : IEventHandler
{
    private sealed record InternalNumbers(DateTime Until, HashSet<string> Numbers);

    private volatile InternalNumbers? _internal;

    public string Name => "messaging.inbound-effects";

    public bool Handles(string eventType) =>
        eventType is MessagingEvents.OptedOut or MessagingEvents.OptedIn or MessagingEvents.HelpRequested or MessagingEvents.Received;

    public async Task HandleAsync(OutboxEntry entry, AppDbContext db, CancellationToken ct)
    {
        var e = JsonSerializer.Deserialize<InboundSmsEvent>(entry.Data, EventStore.Json)!;
        switch (entry.EventType)
        {
            case MessagingEvents.OptedOut:
                await ReplyAsync(db, e, texts.OptOutConfirmationText, SmsPurpose.OptOutConfirmation, $"optout-confirmation:{e.MessageId}", ct);
                break;
            case MessagingEvents.OptedIn:
                await ReplyAsync(db, e, texts.OptInConfirmationText, SmsPurpose.Conversational, $"optin-confirmation:{e.MessageId}", ct);
                break;
            case MessagingEvents.HelpRequested:
                await ReplyAsync(db, e, texts.HelpText, SmsPurpose.Help, $"help:{e.MessageId}", ct);
                break;
            default:
                await DetectBookingAsync(db, e, ct);
                break;
        }
    }

    private async Task ReplyAsync(AppDbContext db, InboundSmsEvent e, string text, SmsPurpose purpose, string correlationId, CancellationToken ct)
    {
        var result = await sms.SendAsync(new OutboundSms(e.ContactId, e.Phone, text, purpose, correlationId), ct);
        if (result.Accepted)
        {
            await inbox.RecordOutboundAsync(new CrossFeatureTransaction(db), Platform.Sms, e.Phone, e.ContactId, e.ContactName, text, result.MessageId, Actor.System.Name, ct);
        }
    }

    /// <summary>A booking inquiry becomes a lead (or fills the contact's open lead) — never for our own or staff numbers.</summary>
    private async Task DetectBookingAsync(AppDbContext db, InboundSmsEvent e, CancellationToken ct)
    {
        if ((await InternalNumbersAsync(ct)).Contains(e.Phone))
        {
            return;
        }
        var intent = await intents.ClassifyAsync(e.Text, e.SentAt, ct);
        if (intent.Kind != IntentKind.BookingInquiry)
        {
            return;
        }
        await leads.CreateOrUpdateOpenLeadAsync(new CrossFeatureTransaction(db), new NewLead(e.ContactId, LeadSource.Sms,
            EventDate: intent.EventDate, GuestCount: intent.GuestCount is > 0 and <= ILeadService.MaxGuests ? intent.GuestCount : null,
            Zip: intent.Zip is { Length: <= 10 } zip ? zip : null, Location: intent.City is { Length: <= 200 } city ? city : null,
            Occasion: intent.Occasion is { Length: > 0 and <= 100 } o ? char.ToUpperInvariant(o[0]) + o[1..] : null,
            EstimatedValue: intent.Budget, Notes: $"SMS {e.SentAt:yyyy-MM-dd}: {e.Text}", ThreadId: e.ThreadId, MessageId: e.MessageId,
            // A reply to a campaign text: the lead carries the campaign (attribution).
            CampaignId: await campaigns.LastCampaignToAsync(e.ContactId, e.SentAt, ct)), Actor.System, ct);
    }

    /// <summary>The business's own numbers and staff phones (cached for a minute: read per inbound text otherwise).</summary>
    private async Task<HashSet<string>> InternalNumbersAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_internal is { } cached && cached.Until > now)
        {
            return cached.Numbers;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = await db.Users.AsNoTracking().Where(u => u.PhoneNumber != null).Select(u => u.PhoneNumber!).ToListAsync(ct);
        var numbers = staff.Concat([configuration["RingCentral:FromNumber"], configuration["Business:Phone"]])
            .Select(phones.ToE164).OfType<string>().ToHashSet(StringComparer.Ordinal);
        _internal = new InternalNumbers(now.AddMinutes(1), numbers);
        return numbers;
    }
}
