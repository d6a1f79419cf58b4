namespace HibachiAdmin.Features.Campaigns;

/// <param name="SkipBookedWithinDays">Skip contacts with a party (not cancelled) from today through this many days ahead (business time zone).</param>
/// <param name="SkipTextedWithinDays">Skip contacts a campaign texted in this many days before the send.</param>
/// <param name="Everyone">The marketer chose everyone who may be texted (less <paramref name="ExcludeTags"/>). Nothing else
/// means everyone: an audience with no tags, no contacts and no explicit <c>Everyone</c> reaches nobody.</param>
/// <param name="IncludeInConversation">Also text people in a conversation (a message in the last 24 hours); by default they are left out.</param>
public sealed record Audience(IReadOnlyList<string> IncludeTags, IReadOnlyList<string> ExcludeTags, IReadOnlyList<Guid> ContactIds,
    int? SkipBookedWithinDays = null, int? SkipTextedWithinDays = null, bool Everyone = false, bool IncludeInConversation = false)
{
    /// <summary>Everyone who may be texted: an explicit choice.</summary>
    public static readonly Audience All = new([], [], [], Everyone: true);

    /// <summary>Someone was chosen: tags, contacts, or everyone (exclusions alone choose nobody).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsChosen => Everyone || IncludeTags.Count > 0 || ContactIds.Count > 0;

    /// <summary>
    /// Why an audience cannot be used, or null: a campaign with no tag must never text everyone by accident, so an
    /// audience names tags, contacts, or <c>"everyone": true</c> (which does not mix with tags or contacts).
    /// </summary>
    public static string? ErrorOf(Audience? audience) => audience switch
    {
        null or { IsChosen: false } => "Choose who gets it: tags (includeTags), people (contactIds), or \"everyone\": true for everyone who may be texted.",
        { Everyone: true } when audience.IncludeTags.Count > 0 || audience.ContactIds.Count > 0 =>
            "\"everyone\": true sends to everyone who may be texted; it cannot be combined with includeTags or contactIds (use excludeTags to leave people out).",
        _ => null,
    };
}
