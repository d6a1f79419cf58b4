using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Providers.Sms;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

/// <summary>Sends through RingCentral's single-SMS API; errors become clear reasons on the message row.</summary>
public sealed partial class RingCentralSmsProvider(IServiceProvider services) : ISmsProvider
{
    public string Name => "ringcentral";

    public async Task<ProviderSendResult> SendAsync(Guid messageId, string to, string text, CancellationToken ct)
    {
        try
        {
            // Typed HTTP clients are short-lived: resolve one per send so handler rotation keeps working.
            var result = await services.GetRequiredService<RingCentralClient>().SendSmsAsync(to, text, ct);
            return new ProviderSendResult(true, result.Id, null);
        }
        catch (RingCentralException ex)
        {
            return new ProviderSendResult(false, null, Describe(ex));
        }
    }

    /// <summary>Looks for the text in the extension's outbound message store (same number and words, sent since it was queued).</summary>
    /// <exception cref="InvalidOperationException">RingCentral could not answer (the text stays in doubt and is asked about again later).</exception>
    public async Task<string?> FindSentAsync(Guid messageId, string to, string text, DateTime queuedAtUtc, CancellationToken ct)
    {
        try
        {
            var client = services.GetRequiredService<RingCentralClient>();
            // A campaign text may have left in a High Volume batch: look there too before anything is sent again.
            return await client.FindOutboundSmsAsync(to, text, queuedAtUtc.AddMinutes(-1), ct)
                   ?? await client.FindA2pMessageAsync(to, text, queuedAtUtc.AddMinutes(-1), ct);
        }
        catch (RingCentralException ex)
        {
            throw new InvalidOperationException($"RingCentral message store: {Describe(ex)}", ex);
        }
    }

    internal static string Describe(RingCentralException ex) => ex.ErrorCode switch
    {
        "CMN-301" or "CMN-302" or "MSG-305" => $"{ex.ErrorCode}: RingCentral rate limit still exceeded after retries.",
        "FeatureNotAvailable" or "MSG-240" => $"{ex.ErrorCode}: the From number cannot send SMS (check RingCentral:FromNumber and its SmsSender feature). {ex.Message}",
        "NotConfigured" => "RingCentral is not configured (ClientId, ClientSecret, Jwt).",
        { } code when code.EndsWith("-413", StringComparison.Ordinal) => $"{code}: the recipient opted out at the carrier.",
        { } code => $"{code}: {ex.Message}",
        null => ex.Message,
    };
}
