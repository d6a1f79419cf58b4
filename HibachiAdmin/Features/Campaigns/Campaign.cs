using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>An SMS marketing campaign: the message template, who it is for, and when it goes.</summary>
public sealed class Campaign
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string Message { get; set; } = "";
    public List<string> IncludeTags { get; set; } = [];
    public List<string> ExcludeTags { get; set; } = [];
    public List<Guid> ContactIds { get; set; } = [];
    /// <summary>Audience option: skip contacts with a party in the next N days.</summary>
    public int? SkipBookedWithinDays { get; set; }
    /// <summary>Audience option: skip contacts a campaign texted in the last N days.</summary>
    public int? SkipTextedWithinDays { get; set; }
    /// <summary>Audience option: also text people in a conversation (a message in the last 24 hours).</summary>
    public bool IncludeInConversation { get; set; }
    public CampaignStatus Status { get; set; }
    /// <summary>When sending starts (a row the sender job picks up: nothing lives only in Hangfire).</summary>
    public DateTime? SendAt { get; set; }
    /// <summary>After this, recipients not yet sent expire (cancelled with reason "expired").</summary>
    public DateTime? EndAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>The base of its tracked links (<c>{LinkBase}/l/{code}</c>), fixed when it is created; null: links go out as written.</summary>
    public string? LinkBase { get; set; }

    /// <summary>A stored campaign was created with a chosen audience, so no tags and no contacts means the explicit "everyone".</summary>
    public Audience Audience => new(IncludeTags, ExcludeTags, ContactIds, SkipBookedWithinDays, SkipTextedWithinDays,
        Everyone: IncludeTags.Count == 0 && ContactIds.Count == 0, IncludeInConversation: IncludeInConversation);
}
