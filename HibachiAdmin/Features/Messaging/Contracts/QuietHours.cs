namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>
/// Recipient-local sending windows for one state under the shipped rules and the default policy
/// (<see cref="TextingRules.Default"/>; the table: Features/Messaging/state-texting-rules.json, docs/compliance.md).
/// A null state means federal hours only; <see cref="Strictest"/> means every state's rule. Start inclusive, end
/// exclusive. When a number can be in two zones, the send must fit both. Code that knows the rules in force
/// (policy, tightenings) and every place a person may be uses <see cref="TextingRules"/> directly.
/// </summary>
public static class QuietHours
{
    /// <summary>Pseudo-state for a recipient whose state is unknown: every state's rule applies.</summary>
    public const string Strictest = TextingRules.Anywhere;

    /// <inheritdoc cref="TextingRules.HorizonDays"/>
    public const int HorizonDays = TextingRules.HorizonDays;

    private static IReadOnlyCollection<string> States(string? state) => state is null ? [] : [state];

    public static bool IsAllowed(DateTime utc, string? state, IReadOnlyList<TimeZoneInfo> zones) =>
        TextingRules.Default.IsAllowed(utc, States(state), zones);

    /// <inheritdoc cref="TextingRules.EarliestAllowed"/>
    public static DateTime EarliestAllowed(DateTime notBeforeUtc, string? state, IReadOnlyList<TimeZoneInfo> zones) =>
        TextingRules.Default.EarliestAllowed(notBeforeUtc, States(state), zones).Earliest;

    public static IReadOnlyList<TimeZoneInfo> Zones(IEnumerable<string> ids, string fallback)
    {
        var zones = new List<TimeZoneInfo>();
        foreach (var id in ids.DefaultIfEmpty(fallback))
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                zones.Add(zone);
            }
        }
        if (zones.Count == 0 && TimeZoneInfo.TryFindSystemTimeZoneById(fallback, out var business))
        {
            zones.Add(business);
        }
        return zones.Count > 0 ? zones : [TimeZoneInfo.Utc];
    }
}
