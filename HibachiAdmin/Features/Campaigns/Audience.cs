namespace HibachiAdmin.Features.Campaigns;

/// <param name="SkipBookedWithinDays">Skip contacts with a party (not cancelled) from today through this many days ahead (business time zone).</param>
/// <param name="SkipTextedWithinDays">Skip contacts a campaign texted in this many days before the send.</param>
public sealed record Audience(IReadOnlyList<string> IncludeTags, IReadOnlyList<string> ExcludeTags, IReadOnlyList<Guid> ContactIds,
    int? SkipBookedWithinDays = null, int? SkipTextedWithinDays = null)
{
    public static readonly Audience Everyone = new([], [], []);
}
