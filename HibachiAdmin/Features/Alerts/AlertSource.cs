namespace HibachiAdmin.Features.Alerts;

/// <summary>One event as an alert will show it, before it is fanned out to the people who want it.</summary>
/// <param name="SourceKey">The event's own id (its alerts are unique on it per person).</param>
/// <param name="ExcludeActor">The person who caused it (their sign-in name, e.g. who created the lead by hand) gets no alert.</param>
public sealed record AlertSource(AlertKind Kind, string SourceKey, string Title, string? Body, string? Link, DateTime OccurredAt, string? ExcludeActor = null);
