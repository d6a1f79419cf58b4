using System.Text.Json;
using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Features.Payments;

/// <summary>
/// Takes one Stripe webhook delivery: the signature over the raw bytes first (nothing is parsed or stored before it
/// holds), then UTF-8 and the event's id and type, then stored as an inbound event keyed on Stripe's event id (a
/// redelivery is stored once) and processed by the inbound pipeline. The sandbox delivers through here too.
/// </summary>
public sealed class StripeWebhookReceiver(IInboundEventStore store, StripeWebhookSecret secrets, TimeProvider time, ILogger<StripeWebhookReceiver> logger)
{
    public const string Provider = "stripe";

    public sealed record Outcome(int Status, string? Title = null, string? Detail = null);

    public async Task<Outcome> ReceiveAsync(byte[] body, string? signature, bool isJson, CancellationToken ct)
    {
        if (await secrets.GetAsync(ct) is not { } secret)
        {
            logger.LogError("Stripe webhook refused: Stripe:WebhookSecret is not configured, so signatures cannot be checked.");
            return new Outcome(503, "Webhook not configured", "Stripe:WebhookSecret is not set on this server.");
        }
        if (!StripeSignature.IsValid(body, signature, secret, time.GetUtcNow()))
        {
            return new Outcome(401, "Invalid signature", "Stripe-Signature is missing, too old, or does not match the body.");
        }
        if (!isJson)
        {
            return new Outcome(415, "Unsupported media type", "Stripe events are application/json.");
        }
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            return new Outcome(400, "Malformed body", "The request body is not valid UTF-8.");
        }
        string id;
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String || idElement.GetString() is not { Length: > 0 and <= 100 } eventId
                || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return new Outcome(400, "Not a Stripe event", "Expected an event object with a string id (up to 100 characters) and type.");
            }
            id = eventId;
        }
        catch (JsonException)
        {
            return new Outcome(400, "Malformed JSON", "The request body is not valid JSON.");
        }
        await store.StoreAsync(Provider, id, "event", System.Text.Encoding.UTF8.GetString(body), ct);
        return new Outcome(200);
    }
}
