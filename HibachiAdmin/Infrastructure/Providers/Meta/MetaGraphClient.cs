using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Infrastructure.Providers.Meta;

/// <summary>
/// The Send API (https://developers.facebook.com/docs/messenger-platform/reference/send-api):
/// <c>POST {GraphUrl}/me/messages</c> with the Page access token; the same endpoint serves Instagram
/// through the linked Page with the IGSID. Errors come back with Meta's own message.
/// </summary>
public sealed class MetaGraphClient(HttpClient http, IOptions<MetaOptions> options, ILogger<MetaGraphClient> logger) : IMetaSendProvider
{
    public string Name => "graph";

    public bool IsSandbox => false;

    private sealed record Recipient([property: JsonPropertyName("id")] string Id);

    private sealed record Message(
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Metadata);

    private sealed record SendBody(
        [property: JsonPropertyName("recipient")] Recipient Recipient,
        [property: JsonPropertyName("messaging_type")] string MessagingType,
        [property: JsonPropertyName("tag"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Tag,
        [property: JsonPropertyName("message")] Message Message);

    /// <summary>The request body exactly as sent (tests compare it with the fixtures).</summary>
    public static string Body(MetaSendRequest request) => JsonSerializer.Serialize(new SendBody(new Recipient(request.RecipientId),
        request.Tag is null ? "RESPONSE" : "MESSAGE_TAG", request.Tag, new Message(request.Text, request.Metadata)));

    /// <summary>GET /{id}?fields=name,username: Messenger gives name, Instagram name and/or username.</summary>
    public async Task<string?> GetNameAsync(string userId, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrEmpty(o.PageAccessToken) || userId.Length > 100 || !userId.All(char.IsAsciiDigit))
        {
            return null;
        }
        using var message = new HttpRequestMessage(HttpMethod.Get, $"{o.GraphUrl.TrimEnd('/')}/{userId}?fields=name,username");
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.PageAccessToken);
        try
        {
            using var response = await http.SendAsync(message, ct);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            var root = doc.RootElement;
            var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            var username = root.TryGetProperty("username", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            var shown = name is { Length: > 0 } ? name : username is { Length: > 0 } ? "@" + username : null;
            return shown is { Length: > 200 } ? shown[..200] : shown;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogInformation(ex, "Meta profile lookup failed");
            return null;
        }
    }

    public async Task<MetaSendResult> SendAsync(MetaSendRequest request, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrEmpty(o.PageAccessToken))
        {
            return new MetaSendResult(false, null, "Meta:PageAccessToken is not set on this server.");
        }
        using var message = new HttpRequestMessage(HttpMethod.Post, $"{o.GraphUrl.TrimEnd('/')}/me/messages")
        {
            Content = new StringContent(Body(request), System.Text.Encoding.UTF8, "application/json"),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.PageAccessToken);
        try
        {
            using var response = await http.SendAsync(message, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            using var doc = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
            var root = doc.RootElement;
            if (response.IsSuccessStatusCode && root.TryGetProperty("message_id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                return new MetaSendResult(true, id.GetString(), null);
            }
            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var words = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                int? code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : null;
                return new MetaSendResult(false, null, words ?? $"Meta answered {(int)response.StatusCode}.", code, OutsideWindow: code == 10);
            }
            return new MetaSendResult(false, null, $"Meta answered {(int)response.StatusCode} without a message id.");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Meta Send API call failed");
            return new MetaSendResult(false, null, $"Could not reach Meta: {ex.Message}");
        }
    }
}
