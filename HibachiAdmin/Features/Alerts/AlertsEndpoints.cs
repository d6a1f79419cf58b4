using System.Security.Claims;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HibachiAdmin.Features.Alerts;

/// <summary>
/// <c>/api/v1/alerts</c>: the signed-in person's own alerts, choices and push subscriptions (any staff role; a person
/// only ever sees and changes their own). The VAPID public key is what a browser subscribes with.
/// </summary>
public static class AlertsEndpoints
{
    public sealed record UnreadCount(int Unread);
    public sealed record PushKey(string PublicKey);
    public sealed record Unsubscribe(string? Endpoint);

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/alerts").WithTags("Alerts").RequireAuthorization(Policies.StaffPlus);
        group.MapGet("/", ListAsync).WithSummary("Your alerts, newest first (unread=true for unread only)");
        group.MapGet("/unread-count", CountAsync).WithSummary("How many of your alerts are unread (the bell's number)");
        group.MapPost("/{id:guid}/read", ReadAsync).WithSummary("Mark one of your alerts read");
        group.MapPost("/read-all", ReadAllAsync).WithSummary("Mark all your alerts read");
        group.MapGet("/preferences", GetPreferencesAsync).WithSummary("Which alerts reach you on which channel, your quiet hours");
        group.MapPut("/preferences", PutPreferencesAsync).WithSummary("Change which alerts reach you, and your quiet hours");
        group.MapGet("/push/public-key", PublicKeyAsync).WithSummary("The VAPID public key a browser subscribes with");
        group.MapPost("/push/subscriptions", SubscribeAsync).WithSummary("Store this browser's push subscription for you");
        group.MapDelete("/push/subscriptions", UnsubscribeAsync).WithSummary("Remove this browser's push subscription");
        return app;
    }

    private static string Me(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in user without an id.");

    private static async Task<Ok<IReadOnlyList<AlertView>>> ListAsync(AlertService alerts, ClaimsPrincipal user, bool? unread, CancellationToken ct) =>
        TypedResults.Ok(await alerts.ListAsync(Me(user), unread == true, AlertService.MaxList, ct));

    private static async Task<Ok<UnreadCount>> CountAsync(AlertService alerts, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(new UnreadCount(await alerts.UnreadCountAsync(Me(user), ct)));

    private static async Task<Results<NoContent, ProblemHttpResult>> ReadAsync(Guid id, AlertService alerts, ClaimsPrincipal user, CancellationToken ct) =>
        await alerts.MarkReadAsync(Me(user), id, ct) ? TypedResults.NoContent() : TypedResults.Problem(statusCode: 404, title: "Alert not found");

    private static async Task<NoContent> ReadAllAsync(AlertService alerts, ClaimsPrincipal user, CancellationToken ct)
    {
        await alerts.MarkReadAsync(Me(user), null, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AlertPreferencesDto>> GetPreferencesAsync(AlertService alerts, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(AlertService.ToDto(await alerts.GetPreferenceAsync(Me(user), ct)));

    private static async Task<Results<Ok<AlertPreferencesDto>, ValidationProblem>> PutPreferencesAsync(AlertPreferencesDto body, AlertService alerts, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await alerts.SavePreferenceAsync(Me(user), body, ct) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(AlertService.ToDto(await alerts.GetPreferenceAsync(Me(user), ct)));
    }

    private static async Task<Ok<PushKey>> PublicKeyAsync(VapidKeys keys, CancellationToken ct) =>
        TypedResults.Ok(new PushKey((await keys.GetAsync(ct)).PublicKey));

    private static async Task<Results<NoContent, ValidationProblem>> SubscribeAsync(PushSubscriptionInput body, AlertService alerts, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await alerts.SubscribeAsync(Me(user), body, ct) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem>> UnsubscribeAsync([Microsoft.AspNetCore.Mvc.FromBody] Unsubscribe body, AlertService alerts, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body.Endpoint is not { Length: > 0 and <= WebPushSubscription.MaxEndpoint } endpoint)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["endpoint"] = [$"Required: the subscription's endpoint (at most {WebPushSubscription.MaxEndpoint} characters)."] });
        }
        await alerts.UnsubscribeAsync(Me(user), endpoint, ct);
        return TypedResults.NoContent();
    }
}
