using System.Globalization;
using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Calls.Contracts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Calls;

/// <summary>
/// A missed call or voicemail from a new caller, run from the outbox: the lead (source Phone) and,
/// when <c>Calls:MissedCallTextBack</c> is on, the text-back's due time inside the caller's sending
/// window. Both commit with the dispatcher's processed mark; <see cref="MissedCallTextBackJob"/> sends.
/// </summary>
public sealed class CallEffects(ILeadService leads, ISmsService sms, IConfiguration configuration, TimeProvider time) : IEventHandler
{
    public string Name => "calls.missed";

    public bool Handles(string eventType) => eventType == CallService.MissedEvent;

    public async Task HandleAsync(OutboxEntry entry, AppDbContext db, CancellationToken ct)
    {
        var missed = JsonSerializer.Deserialize<CallMissed>(entry.Data, EventStore.Json)!;
        var call = db.Set<CallLog>().Local.FirstOrDefault(c => c.Id == missed.CallId) ?? await db.Set<CallLog>().FirstOrDefaultAsync(c => c.Id == missed.CallId, ct);
        if (call is null)
        {
            return;
        }
        var (leadId, _) = await leads.CreateOrUpdateOpenLeadAsync(new CrossFeatureTransaction(db), new NewLead(missed.ContactId, LeadSource.Phone, CallId: call.Id,
            Notes: $"{(call.Voicemail ? "Voicemail" : "Missed call")} {call.StartedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC from {call.FromNumber}"), Actor.System, ct);
        call.LeadId ??= leadId;
        if (configuration.GetValue<bool>("Calls:MissedCallTextBack") && call.FromNumber is not null && call.TextBackDueAt is null)
        {
            var now = time.GetUtcNow().UtcDateTime;
            call.TextBackDueAt = await sms.EarliestAllowedSendTimeAsync(call.FromNumber, SmsPurpose.Transactional, now, null, ct);
        }
    }
}
