namespace HibachiAdmin.Features.Alerts;

/// <summary>A browser's <c>PushSubscription.toJSON()</c>: <c>{"endpoint", "keys": {"p256dh", "auth"}}</c>.</summary>
public sealed record PushSubscriptionInput(string? Endpoint, PushSubscriptionKeys? Keys);
