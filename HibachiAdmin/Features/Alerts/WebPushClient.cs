using System.Net;
using System.Text.Json;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;

namespace HibachiAdmin.Features.Alerts;

/// <summary>
/// Real Web Push (<c>Alerts:Push:Provider=WebPush</c>): the message encrypted to the browser's keys (aes128gcm) and
/// signed with the app's VAPID keys, posted to the subscription's push service. 404/410 mean the browser dropped the
/// subscription; the sender removes it.
/// </summary>
public sealed class WebPushClient(HttpClient http, VapidKeys keys, IConfiguration configuration) : IPushClient
{
    public async Task<(PushOutcome Outcome, string? Error)> SendAsync(WebPushSubscription subscription, PushNotice notice, CancellationToken ct)
    {
        var pair = await keys.GetAsync(ct);
        var client = new PushServiceClient(http)
        {
            DefaultAuthentication = new VapidAuthentication(pair.PublicKey, pair.PrivateKey)
            {
                Subject = configuration["Alerts:Push:Subject"] is { Length: > 0 } subject ? subject : "mailto:alerts@hibachi.local",
            },
            AutoRetryAfter = false,
        };
        var target = new PushSubscription { Endpoint = subscription.Endpoint };
        target.SetKey(PushEncryptionKeyName.P256DH, subscription.P256dh);
        target.SetKey(PushEncryptionKeyName.Auth, subscription.Auth);
        var message = new PushMessage(JsonSerializer.Serialize(notice, JsonSerializerOptions.Web))
        {
            Topic = notice.Tag.Length <= 32 ? notice.Tag : notice.Tag[..32],
            TimeToLive = 24 * 3600,
            Urgency = PushMessageUrgency.High,
        };
        try
        {
            await client.RequestPushMessageDeliveryAsync(target, message, ct);
            return (PushOutcome.Sent, null);
        }
        catch (PushServiceClientException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return (PushOutcome.Gone, $"{(int)ex.StatusCode} {ex.Message}");
        }
        catch (Exception ex) when (ex is PushServiceClientException or HttpRequestException or TaskCanceledException or ArgumentException or FormatException)
        {
            return (PushOutcome.Failed, ex.Message);
        }
    }
}
