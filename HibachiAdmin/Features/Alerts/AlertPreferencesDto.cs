namespace HibachiAdmin.Features.Alerts;

/// <summary>A person's alert choices as the API and the page carry them: kinds per channel, quiet hours ("HH:mm", local), minutes a message waits.</summary>
public sealed record AlertPreferencesDto(
    IReadOnlyList<AlertKind> InApp,
    IReadOnlyList<AlertKind> Push,
    IReadOnlyList<AlertKind> Email,
    string? QuietFrom,
    string? QuietUntil,
    int WaitingMinutes);
