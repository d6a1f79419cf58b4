using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hangfire;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// RingCentral webhooks (https://developers.ringcentral.com/guide/notifications/webhooks/creating-webhooks): the Validation-Token handshake, the Verification-Token check in
/// constant time, and one INSERT of the raw notification (duplicates by uuid ignored) before a 200.
/// Processing happens in <see cref="ProcessInboundEventJob"/>.
/// </summary>
public static class RingCentralWebhookEndpoints
{
    public const string Provider = "ringcentral";

    public static IEndpointRouteBuilder MapRingCentralWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/ringcentral/webhooks").AllowAnonymous().WithTags("Webhooks");
        group.MapPost("/sms", (HttpContext http, IConfiguration config, InboundEventWriter writer, TimeProvider time, ILoggerFactory logs, CancellationToken ct) =>
            ReceiveAsync("sms", http, config, writer, time, logs, ct));
        group.MapPost("/voice", (HttpContext http, IConfiguration config, InboundEventWriter writer, TimeProvider time, ILoggerFactory logs, CancellationToken ct) =>
            ReceiveAsync("voice", http, config, writer, time, logs, ct));
        return app;
    }

    private static async Task<IResult> ReceiveAsync(string channel, HttpContext http, IConfiguration config, InboundEventWriter writer,
        TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        var request = http.Request;
        if (request.Headers.TryGetValue("Validation-Token", out var validation) && !string.IsNullOrEmpty(validation))
        {
            // Subscription handshake: echo the token, tiny response, no body parsing.
            http.Response.Headers["Validation-Token"] = validation.ToString();
            http.Response.ContentType = "application/json";
            return Results.Ok();
        }

        var expected = config["RingCentral:VerificationToken"];
        if (string.IsNullOrEmpty(expected))
        {
            logs.CreateLogger("RingCentralWebhooks").LogError("RingCentral webhook refused: RingCentral:VerificationToken is not configured, so notifications cannot be authenticated.");
            return Results.Problem(statusCode: 503, title: "Webhook not configured", detail: "RingCentral:VerificationToken is not set on this server.");
        }
        var given = request.Headers["Verification-Token"].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            return Results.Problem(statusCode: 401, title: "Invalid verification token");
        }
        if (!request.HasJsonContentType())
        {
            return Results.Problem(statusCode: 415, title: "Unsupported media type", detail: "Notifications are application/json.");
        }
        // Stryker disable once Block,String : UseRequestBodyLimit answers 413 for any declared length over the limit before this runs; the comparison itself stays mutated (a body of exactly the limit is accepted)
        if (request.ContentLength > ApiConventions.MaxRequestBodyBytes)
        {
            return Results.Problem(statusCode: 413, title: "Request body too large");
        }

        string payload;
        string uuid;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            // JSON must be UTF-8 (RFC 8259): a body that is not would be stored with its bad bytes
            // replaced, not as the provider sent it.
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            if (!System.Text.Unicode.Utf8.IsValid(bytes))
            {
                return Results.Problem(statusCode: 400, title: "Malformed body", detail: "The request body is not valid UTF-8.");
            }
            // A leading byte order mark is not part of the text (the stream reader used before dropped it too).
            payload = Encoding.UTF8.GetString(bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes);
            using var doc = JsonDocument.Parse(payload);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("uuid", out var uuidElement) || uuidElement.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(uuidElement.GetString()) || uuidElement.GetString()!.Length > 100)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["uuid"] = ["A notification needs a string uuid."] });
            }
            uuid = uuidElement.GetString()!;
        }
        catch (JsonException)
        {
            return Results.Problem(statusCode: 400, title: "Malformed JSON", detail: "The request body is not valid JSON.");
        }
        // A chunked body over the limit, or a broken chunk, throws BadHttpRequestException while it is read:
        // ProblemExceptionHandler answers it with its own status (413, 400) as problem+json, and nothing is stored.

        var row = new InboundEvent
        {
            Id = Guid.CreateVersion7(),
            Provider = Provider,
            ExternalId = uuid,
            Channel = channel,
            Payload = payload,
            ReceivedAt = time.GetUtcNow().UtcDateTime,
        };
        // Stored (or recognised as a redelivery) before we answer; processing is queued after commit.
        await writer.StoreAsync(row, ct);
        return Results.Ok();
    }
}
