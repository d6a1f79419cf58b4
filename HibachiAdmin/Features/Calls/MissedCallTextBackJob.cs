using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Providers.Sms;

namespace HibachiAdmin.Features.Calls;

/// <summary>
/// Sends missed-call text-backs that are due (every minute, on the schedule its feature declares). Once per call: the
/// correlation id makes a rerun after a crash a no-op at the SMS service, and the done mark follows.
/// </summary>
public sealed class MissedCallTextBackJob(CallService calls, ISmsService sms, IConfiguration configuration)
{
    public const string Id = "missed-call-text-back";

    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var callId in await calls.DueTextBacksAsync(200, ct))
        {
            var call = await calls.GetAsync(callId, ct);
            if (call?.FromNumber is not null)
            {
                var business = configuration["Business:Name"] ?? "We";
                var text = configuration["Calls:MissedCallText"]
                           ?? $"Hi, this is {business}. Sorry we missed your call! Reply here with your event date and guest count and we'll get right back to you. Reply STOP to opt out.";
                await sms.SendAsync(new OutboundSms(call.ContactId, call.FromNumber, text, SmsPurpose.Conversational, $"missed-call-text:{call.Id}"), ct);
            }
            await calls.MarkTextBackDoneAsync(callId, ct);
        }
    }
}
