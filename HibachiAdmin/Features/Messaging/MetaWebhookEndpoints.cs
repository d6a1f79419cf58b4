using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HibachiAdmin.Infrastructure.Providers.Meta;
using HibachiAdmin.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// Meta (Messenger and Instagram) webhooks, PROTOCOLS.md section 2. GET: the subscription check
/// (hub.verify_token compared in constant time, hub.challenge echoed as text). POST: the
/// X-Hub-Signature-256 HMAC checked in constant time over the raw bytes, then every messaging event
/// of every entry stored as its own <see cref="InboundEvent"/> (keyed on the message id, so a
/// redelivered mid is stored once) before the 200; <see cref="MetaInboundHandler"/> processes them.
/// </summary>
public static class MetaWebhookEndpoints
{
    public const string Provider = "meta";

    public static IEndpointRouteBuilder MapMetaWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/meta/webhooks").AllowAnonymous().WithTags("Webhooks");
        group.MapGet("", Verify).WithSummary("Meta webhook subscription check (hub.mode, hub.verify_token, hub.challenge)");
        group.MapPost("", ReceiveAsync).WithSummary("Meta Messenger/Instagram notifications (X-Hub-Signature-256)")
            .WithMetadata(new DocumentedBody(typeof(JsonElement)));
        return app;
    }

    private static IResult Verify(HttpContext http, IOptions<MetaOptions> options, ILoggerFactory logs)
    {
        var query = http.Request.Query;
        var expected = options.Value.VerifyToken;
        if (string.IsNullOrEmpty(expected))
        {
            logs.CreateLogger("MetaWebhooks").LogError("Meta webhook verification refused: Meta:VerifyToken is not configured.");
            return Results.Problem(statusCode: 403, title: "Webhook not configured", detail: "Meta:VerifyToken is not set on this server.");
        }
        var given = query["hub.verify_token"].ToString();
        if (query["hub.mode"] != "subscribe" || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            return Results.Problem(statusCode: 403, title: "Verification failed");
        }
        var challenge = query["hub.challenge"].ToString();
        return challenge.Length is 0 or > 200
            ? Results.Problem(statusCode: 400, title: "hub.challenge is missing")
            : Results.Text(challenge, "text/plain", Encoding.UTF8);
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, IOptions<MetaOptions> options, InboundEventWriter writer, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        var request = http.Request;
        var secret = options.Value.AppSecret;
        if (string.IsNullOrEmpty(secret))
        {
            logs.CreateLogger("MetaWebhooks").LogError("Meta webhook refused: Meta:AppSecret is not configured, so signatures cannot be checked.");
            return Results.Problem(statusCode: 503, title: "Webhook not configured", detail: "Meta:AppSecret is not set on this server.");
        }
        var (body, tooLarge) = await RawBody.ReadAsync(request, ct);
        if (body is null)
        {
            return tooLarge!;
        }
        // Nothing about the body is trusted (or even parsed) before the signature holds.
        if (!MetaSignature.IsValid(body, request.Headers["X-Hub-Signature-256"].ToString() is { Length: > 0 } h ? h : null, secret))
        {
            return Results.Problem(statusCode: 401, title: "Invalid signature", detail: "X-Hub-Signature-256 is missing or does not match the body.");
        }
        if (!request.HasJsonContentType())
        {
            return Results.Problem(statusCode: 415, title: "Unsupported media type", detail: "Notifications are application/json.");
        }
        // JSON must be UTF-8 (RFC 8259); a signature proves who sent the bytes, not that they are text.
        // Checked before parsing: the parser reads past bad bytes inside a string and copying that
        // string out later throws (a 500, once).
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            return Results.Problem(statusCode: 400, title: "Malformed body", detail: "The request body is not valid UTF-8.");
        }
        List<MetaEvent> events;
        try
        {
            events = MetaEvent.Split(body);
        }
        catch (JsonException)
        {
            return Results.Problem(statusCode: 400, title: "Malformed JSON", detail: "The request body is not valid JSON.");
        }
        catch (FormatException ex)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { [ex.Message] = ["Expected the Meta webhook shape: {\"object\", \"entry\":[{\"id\", \"messaging\":[…]}]}."] });
        }
        var now = time.GetUtcNow().UtcDateTime;
        // Stored (or recognised as redeliveries) before we answer; the writer commits them together.
        await Task.WhenAll(events.Select(e => writer.StoreAsync(new InboundEvent
        {
            Id = Guid.CreateVersion7(),
            Provider = Provider,
            ExternalId = e.Key,
            Channel = e.Channel,
            Payload = e.Payload,
            ReceivedAt = now,
        }, ct)));
        return Results.Ok();
    }
}
