using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Infrastructure.Providers.RingCentral;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// After a RingCentral message-store change event, re-reads the status of outbound texts still in
/// flight and applies it (never backwards). With the Sandbox provider, receipts arrive directly.
/// </summary>
public sealed class OutboundStatusSync(SmsService sms, IServiceProvider services, ISmsProvider provider, ILogger<OutboundStatusSync> logger)
{
    public async Task<string> SyncAsync(CancellationToken ct)
    {
        if (provider.Name != "ringcentral")
        {
            return "noted: message-store change (sandbox receipts are applied directly)";
        }
        var client = services.GetRequiredService<RingCentralClient>();
        var inFlight = await sms.InFlightAsync("ringcentral", TimeSpan.FromDays(2), 100, ct);
        var changed = 0;
        foreach (var (id, providerId) in inFlight)
        {
            try
            {
                var (status, error) = await client.GetMessageStatusAsync(providerId, ct);
                var mapped = status switch
                {
                    "Sent" => OutboundStatus.Sent,
                    "Delivered" => OutboundStatus.Delivered,
                    "DeliveryFailed" or "SendingFailed" => OutboundStatus.Failed,
                    _ => (OutboundStatus?)null,
                };
                if (mapped is { } s && await sms.ApplyStatusAsync(id, s, error is null ? $"ringcentral: {status}" : $"ringcentral: {status} ({error})", ct))
                {
                    changed++;
                }
            }
            catch (RingCentralException ex)
            {
                logger.LogWarning(ex, "Could not re-read RingCentral message {ProviderId}", providerId);
            }
        }
        return $"message-store change: {changed} of {inFlight.Count} in-flight texts updated";
    }
}
