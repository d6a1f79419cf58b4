namespace HibachiAdmin.Features.Campaigns;

/// <param name="SkipBookedWithinDays">Skip contacts with a party (not cancelled) from today through this many days ahead (business time zone).</param>
/// <param name="SkipTextedWithinDays">Skip contacts a campaign texted in this many days before the send.</param>
/// <param name="Everyone">The marketer chose everyone who may be texted (less <paramref name="ExcludeTags"/>). Nothing else
/// means everyone: an audience with no tags, no contacts and no explicit <c>Everyone</c> reaches nobody.</param>
public sealed record Audience(IReadOnlyList<string> IncludeTags, IReadOnlyList<string> ExcludeTags, IReadOnlyList<Guid> ContactIds,
    int? SkipBookedWithinDays = null, int? SkipTextedWithinDays = null, bool Everyone = false)
{
    /// <summary>Everyone who may be texted: an explicit choice.</summary>
    public static readonly Audience All = new([], [], [], Everyone: true);

    /// <summary>Someone was chosen: tags, contacts, or everyone (exclusions alone choose nobody).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsChosen => Everyone || IncludeTags.Count > 0 || ContactIds.Count > 0;
}
