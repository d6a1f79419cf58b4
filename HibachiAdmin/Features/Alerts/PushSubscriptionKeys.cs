namespace HibachiAdmin.Features.Alerts;

public sealed record PushSubscriptionKeys(string? P256dh, string? Auth);
