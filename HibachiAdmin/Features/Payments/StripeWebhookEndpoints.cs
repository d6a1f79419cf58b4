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
        var (body, tooLarge) = await RawBody.ReadAsync(request, ct);
        if (body is null)
        {
            return tooLarge!;
        }
        var outcome = await receiver.ReceiveAsync(body, request.Headers["Stripe-Signature"].ToString(), request.HasJsonContentType(), ct);
        return outcome.Status == 200 ? Results.Ok() : Results.Problem(statusCode: outcome.Status, title: outcome.Title, detail: outcome.Detail);
    }
}
