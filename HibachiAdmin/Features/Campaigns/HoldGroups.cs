namespace HibachiAdmin.Features.Campaigns;

/// <summary>The preview's holds grouped by reason, rule and send time: who waits, why, and when each group goes out.</summary>
public static class HoldGroups
{
    public static IReadOnlyList<HoldGroup> Of(IEnumerable<RecipientDecision> decisions) =>
    [
        .. decisions.Where(d => !d.Eligible)
            .GroupBy(d => (d.Reason!, d.Rule, d.EarliestSendAt))
            .Select(g => new HoldGroup(g.Key.Item1, g.Key.Rule, g.First().Explanation ?? HoldReasons.Describe(g.Key.Item1), g.Count(), g.Key.EarliestSendAt))
            // Delays first, soonest first; then skips, largest first.
            .OrderBy(g => g.EarliestSendAt is null)
            .ThenBy(g => g.EarliestSendAt)
            .ThenByDescending(g => g.Count)
            .ThenBy(g => g.Reason, StringComparer.Ordinal),
    ];
}
