using HibachiAdmin.Features.Contacts.Contracts;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using HibachiAdmin.Features.Messaging.Contracts;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

/// <summary>
/// Typed client for the RingCentral REST API (https://developers.ringcentral.com/api-reference): JWT-grant token shared and refreshed
/// before it expires, single SMS send, webhook subscription. Retries on 429 honour Retry-After through
/// the resilience pipeline configured in MessagingFeature.
/// </summary>
public sealed partial class RingCentralClient(HttpClient http, IOptions<RingCentralOptions> options, RingCentralTokenCache cache, TimeProvider time)
{
    private RingCentralOptions Options => options.Value;

    public Task<string> GetAccessTokenAsync(CancellationToken ct) => cache.GetAsync(time, FetchTokenAsync, ct);

    private async Task<(string Token, DateTime RefreshAfter)> FetchTokenAsync(CancellationToken ct)
    {
        if (!Options.IsConfigured)
        {
            throw new RingCentralException(HttpStatusCode.Unauthorized, "NotConfigured", "RingCentral:ClientId, :ClientSecret and :Jwt must be set.");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Options.ServerUrl.TrimEnd('/')}/restapi/oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
                ["assertion"] = Options.Jwt!,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Options.ClientId}:{Options.ClientSecret}")));
        cache.CountRequest();
        using var response = await http.SendAsync(request, ct);
        await ThrowIfErrorAsync(response, ct);
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(ct) ?? throw new RingCentralException(response.StatusCode, null, "Empty token response.");
        // Refresh proactively (https://developers.ringcentral.com/guide/authentication/jwt-flow): at 80% of the lifetime, never later than a minute before expiry.
        var lifetime = TimeSpan.FromSeconds(Math.Max(60, token.ExpiresIn));
        var refreshIn = TimeSpan.FromTicks(Math.Min((long)(lifetime.Ticks * 0.8), (lifetime - TimeSpan.FromMinutes(1)).Ticks));
        return (token.AccessToken, time.GetUtcNow().UtcDateTime + refreshIn);
    }

    public async Task<RingCentralSmsResult> SendSmsAsync(string to, string text, CancellationToken ct)
    {
        var body = new { from = new { phoneNumber = Options.FromNumber }, to = new[] { new { phoneNumber = to } }, text };
        using var response = await SendAuthorizedAsync(HttpMethod.Post, "/restapi/v1.0/account/~/extension/~/sms", body, ct);
        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        var root = doc.RootElement;
        var id = root.GetProperty("id") is { ValueKind: JsonValueKind.Number } n ? n.GetRawText() : root.GetProperty("id").GetString()!;
        return new RingCentralSmsResult(id, root.TryGetProperty("messageStatus", out var s) ? s.GetString() ?? "Queued" : "Queued");
    }

    /// <summary>
    /// The id of an outbound SMS to <paramref name="to"/> with exactly <paramref name="text"/> created since
    /// <paramref name="sinceUtc"/>, or null (message-store list: direction, type, phone number and dateFrom filters).
    /// </summary>
    public async Task<string?> FindOutboundSmsAsync(string to, string text, DateTime sinceUtc, CancellationToken ct)
    {
        var query = $"direction=Outbound&messageType=SMS&phoneNumber={Uri.EscapeDataString(to)}&dateFrom={Uri.EscapeDataString(sinceUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture))}&perPage=100";
        using var response = await SendAuthorizedAsync(HttpMethod.Get, $"/restapi/v1.0/account/~/extension/~/message-store?{query}", null, ct);
        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        if (!doc.RootElement.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        foreach (var r in records.EnumerateArray())
        {
            var sameText = r.TryGetProperty("subject", out var subject) && subject.GetString() == text;
            var sameTo = r.TryGetProperty("to", out var recipients) && recipients.ValueKind == JsonValueKind.Array
                         && recipients.EnumerateArray().Any(x => x.TryGetProperty("phoneNumber", out var p) && p.GetString() == to);
            if (sameText && sameTo && r.TryGetProperty("id", out var id))
            {
                return id.ValueKind == JsonValueKind.Number ? id.GetRawText() : id.GetString();
            }
        }
        return null;
    }

    /// <summary>Opens a call recording's audio on the media host with the app's token (caller disposes the response).</summary>
    public async Task<HttpResponseMessage> OpenRecordingAsync(string recordingId, CancellationToken ct)
    {
        var token = await GetAccessTokenAsync(ct);
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Options.MediaUrl.TrimEnd('/')}/restapi/v1.0/account/~/recording/{Uri.EscapeDataString(recordingId)}/content");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await ThrowIfErrorAsync(response, ct);
        return response;
    }

    /// <summary>Re-reads one message's status (status events only say that something changed).</summary>
    public async Task<(string MessageStatus, string? ErrorCode)> GetMessageStatusAsync(string messageId, CancellationToken ct)
    {
        using var response = await SendAuthorizedAsync(HttpMethod.Get, $"/restapi/v1.0/account/~/extension/~/message-store/{Uri.EscapeDataString(messageId)}", null, ct);
        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        var root = doc.RootElement;
        return (root.TryGetProperty("messageStatus", out var s) ? s.GetString() ?? "" : "",
            root.TryGetProperty("deliveryErrorCode", out var e) ? e.GetString() : null);
    }

    public async Task<RingCentralSubscription> CreateSubscriptionAsync(string webhookAddress, string verificationToken, CancellationToken ct)
    {
        var body = new
        {
            eventFilters = new[]
            {
                "/restapi/v1.0/account/~/extension/~/message-store/instant?type=SMS",
                "/restapi/v1.0/account/~/extension/~/message-store?type=SMS&direction=Outbound",
                "/restapi/v1.0/account/~/extension/~/telephony/sessions",
                // High Volume (campaigns): per-message status, batches, and RingCentral's opt-out service.
                "/restapi/v1.0/account/~/a2p-sms/messages?direction=Outbound",
                "/restapi/v1.0/account/~/a2p-sms/batches",
                "/restapi/v1.0/account/~/a2p-sms/opt-outs",
            },
            deliveryMode = new { transportType = "WebHook", address = webhookAddress, verificationToken },
            expiresIn = 315_360_000,
        };
        using var response = await SendAuthorizedAsync(HttpMethod.Post, "/restapi/v1.0/subscription", body, ct);
        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        var root = doc.RootElement;
        return new RingCentralSubscription(root.GetProperty("id").GetString()!, root.TryGetProperty("status", out var st) ? st.GetString() ?? "" : "",
            root.TryGetProperty("expirationTime", out var exp) && exp.TryGetDateTime(out var e) ? e.ToUniversalTime() : null);
    }

    public async Task<RingCentralSubscription> RenewSubscriptionAsync(string id, CancellationToken ct)
    {
        using var response = await SendAuthorizedAsync(HttpMethod.Post, $"/restapi/v1.0/subscription/{Uri.EscapeDataString(id)}/renew", null, ct);
        using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        var root = doc.RootElement;
        return new RingCentralSubscription(root.GetProperty("id").GetString()!, root.TryGetProperty("status", out var st) ? st.GetString() ?? "" : "",
            root.TryGetProperty("expirationTime", out var exp) && exp.TryGetDateTime(out var e) ? e.ToUniversalTime() : null);
    }

    private async Task<HttpResponseMessage> SendAuthorizedAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        var token = await GetAccessTokenAsync(ct);
        using var request = new HttpRequestMessage(method, $"{Options.ServerUrl.TrimEnd('/')}{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // The token was revoked early: forget it so the next call gets a fresh one.
            cache.Forget();
        }
        await ThrowIfErrorAsync(response, ct);
        return response;
    }

    /// <summary>Reads <c>errors[0].errorCode</c>, falling back to the top-level <c>errorCode</c>/<c>message</c>.</summary>
    private static async Task ThrowIfErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        string? code = null;
        var message = $"RingCentral answered {(int)response.StatusCode}.";
        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var root = doc.RootElement;
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                code = errors[0].TryGetProperty("errorCode", out var c) ? c.GetString() : null;
                message = errors[0].TryGetProperty("message", out var m) ? m.GetString() ?? message : message;
            }
            code ??= root.TryGetProperty("errorCode", out var top) ? top.GetString() : null;
            if (root.TryGetProperty("message", out var topMessage) && code is not null && message.StartsWith("RingCentral answered", StringComparison.Ordinal))
            {
                message = topMessage.GetString() ?? message;
            }
        }
        catch (JsonException)
        {
        }
        response.Dispose();
        throw new RingCentralException(response.StatusCode, code, message);
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
