using System.Text.Json;
using HibachiAdmin.Infrastructure.Web;

namespace HibachiAdmin.Features.Payments;

/// <summary><c>POST /api/v1/stripe/webhooks</c> (CONTRACT.md): anonymous, authenticated by <c>Stripe-Signature</c>.</summary>
public static class StripeWebhookEndpoints
{
    public static IEndpointRouteBuilder MapStripeWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/stripe/webhooks", ReceiveAsync).AllowAnonymous().WithTags("Webhooks")
            .WithSummary("Stripe events (Stripe-Signature, 300 s tolerance; idempotent on the event id)")
            .WithMetadata(new DocumentedBody(typeof(JsonElement)));
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, StripeWebhookReceiver receiver, CancellationToken ct)
    {
        var request = http.Request;
        if (request.ContentLength > ApiConventions.MaxRequestBodyBytes)
        {
            return Results.Problem(statusCode: 413, title: "Request body too large");
        }
        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException bad) when (bad.StatusCode == 413)
        {
            return Results.Problem(statusCode: 413, title: "Request body too large");
        }
        var outcome = await receiver.ReceiveAsync(body, request.Headers["Stripe-Signature"].ToString(), request.HasJsonContentType(), ct);
        return outcome.Status == 200 ? Results.Ok() : Results.Problem(statusCode: outcome.Status, title: outcome.Title, detail: outcome.Detail);
    }
}
