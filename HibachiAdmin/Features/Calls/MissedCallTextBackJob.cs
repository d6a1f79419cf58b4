using HibachiAdmin.Infrastructure.Providers.Sms;

namespace HibachiAdmin.Features.Calls;

/// <summary>Sends the missed-call text once per call (the correlation id makes a rerun a no-op).</summary>
public sealed class MissedCallTextBackJob(CallService calls, ISmsService sms, IConfiguration configuration)
{
    public async Task RunAsync(Guid callId, CancellationToken ct)
    {
        var call = await calls.GetAsync(callId, ct);
        if (call?.FromNumber is null)
        {
            return;
        }
        var business = configuration["Business:Name"] ?? "We";
        var text = configuration["Calls:MissedCallText"]
                   ?? $"Hi, this is {business}. Sorry we missed your call! Reply here with your event date and guest count and we'll get right back to you. Reply STOP to opt out.";
        await sms.SendAsync(new OutboundSms(call.ContactId, call.FromNumber, text, SmsPurpose.Conversational, $"missed-call-text:{call.Id}"), ct);
    }
}
