using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Providers.Sms;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// Sends the double opt-in question ("Reply YES…") for an ask (<see cref="IOptInRequests"/>): right
/// after the ask commits (outbox), or at the person's next sending hour (<see cref="OptInRequestJob"/>).
/// Consent is read again first: a person who answered, opted out or was un-asked meanwhile gets nothing.
/// The correlation id makes a retry after a crash answer from the first send, never a second text.
/// </summary>
public sealed class OptInRequestSender(IOptInRequests requests, ISmsService sms, SmsService texts, IInboundConversations inbox, TimeProvider time) : IEventHandler
{
    public string Name => "messaging.opt-in-request";

    public bool Handles(string eventType) => eventType == IOptInRequests.RequestedEvent;

    public Task HandleAsync(OutboxEntry entry, AppDbContext db, CancellationToken ct) =>
        SendAsync(db, JsonSerializer.Deserialize<OptInRequested>(entry.Data, EventStore.Json)!.RequestId, ct);

    /// <summary>Sends or reschedules one request in the caller's unit of work (the caller saves).</summary>
    public async Task SendAsync(AppDbContext db, Guid requestId, CancellationToken ct)
    {
        var tx = new CrossFeatureTransaction(db);
        if (await requests.ToSendAsync(tx, requestId, ct) is not { } request)
        {
            return;
        }
        if (request.Consent != SmsConsent.PendingConfirmation)
        {
            var why = request.Consent switch
            {
                SmsConsent.OptedIn => "not sent: the person had confirmed already",
                SmsConsent.OptedOut => "not sent: the person opted out",
                _ => "not sent: the request was withdrawn or the number changed",
            };
            await requests.CompleteAsync(tx, requestId, sent: false, why, null, ct);
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var due = await sms.EarliestAllowedSendTimeAsync(request.Phone, SmsPurpose.ConsentRequest, now, null, ct);
        if (due > now)
        {
            await requests.RescheduleAsync(tx, requestId, due, ct);
            return;
        }
        var text = texts.ConsentRequestText;
        var result = await sms.SendAsync(new OutboundSms(request.ContactId, request.Phone, text, SmsPurpose.ConsentRequest, $"consent-request:{request.Id}"), ct);
        if (result.Accepted)
        {
            // In the thread, so staff see what the person was asked when the YES (or a question) comes back.
            await inbox.RecordOutboundAsync(tx, Platform.Sms, request.Phone, request.ContactId, request.ContactName, text, result.MessageId, Actor.System.Name, ct);
        }
        await requests.CompleteAsync(tx, requestId, result.Accepted, result.Accepted ? null : $"not sent: {result.RefusedReason}", result.MessageId, ct);
    }
}
