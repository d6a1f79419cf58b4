namespace HibachiAdmin.Features.Alerts;

/// <summary>What a push shows: the payload the service worker turns into a notification.</summary>
/// <param name="Tag">Replaces an earlier notification with the same tag on the device instead of stacking a second.</param>
public sealed record PushNotice(string Title, string? Body, string Url, string Tag);
