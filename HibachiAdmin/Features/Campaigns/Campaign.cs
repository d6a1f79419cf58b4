using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Campaigns;

public enum CampaignStatus
{
    Draft,
    Scheduled,
    Sending,
    Paused,
    Completed,
    Cancelled,
}

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
    public CampaignStatus Status { get; set; }
    /// <summary>When sending starts (a row the sender job picks up: nothing lives only in Hangfire).</summary>
    public DateTime? SendAt { get; set; }
    /// <summary>After this, recipients not yet sent expire (cancelled with reason "expired").</summary>
    public DateTime? EndAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>A stored campaign was created with a chosen audience, so no tags and no contacts means the explicit "everyone".</summary>
    public Audience Audience => new(IncludeTags, ExcludeTags, ContactIds, SkipBookedWithinDays, SkipTextedWithinDays,
        Everyone: IncludeTags.Count == 0 && ContactIds.Count == 0);
}

public enum DeliveryStatus
{
    Pending,
    Held,
    Sending,
    Sent,
    Delivered,
    Failed,
    Skipped,
    Cancelled,
}

/// <summary>
/// One recipient of a campaign, written when the send starts with its decision. Unique per (campaign,
/// contact): a second "send" or a restart can never make a second row, and the SMS correlation id
/// <c>campaign:{campaign}:{contact}</c> makes a retried send return the first attempt.
/// </summary>
public sealed class CampaignDelivery
{
    public long Id { get; set; }
    public Guid CampaignId { get; set; }
    public Guid ContactId { get; set; }
    public string? Phone { get; set; }
    public DeliveryStatus Status { get; set; }
    /// <summary>Hold or skip reason (<see cref="HoldReasons"/>), "expired", or the provider's refusal.</summary>
    public string? Reason { get; set; }
    /// <summary>When the sender may take it (now for eligible ones; the window opening for held ones).</summary>
    public DateTime DueAt { get; set; }
    public string Text { get; set; } = "";
    public int Segments { get; set; }
    public Guid? OutboundMessageId { get; set; }
    public string? ProviderMessageId { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LockedBy { get; set; }
    public DateTime? LockedUntil { get; set; }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> b)
    {
        b.ToTable("Campaigns");
        b.Property(c => c.Name).HasMaxLength(200).IsRequired();
        b.Property(c => c.Message).HasMaxLength(1000).IsRequired();
        b.PrimitiveCollection(c => c.IncludeTags);
        b.PrimitiveCollection(c => c.ExcludeTags);
        b.PrimitiveCollection(c => c.ContactIds);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.HasIndex(c => new { c.Status, c.SendAt });
        b.HasIndex(c => c.CreatedAt);
        b.Ignore(c => c.Audience);
    }
}

internal sealed class CampaignDeliveryConfiguration : IEntityTypeConfiguration<CampaignDelivery>
{
    public void Configure(EntityTypeBuilder<CampaignDelivery> b)
    {
        b.ToTable("CampaignDeliveries");
        b.HasIndex(d => new { d.CampaignId, d.ContactId }).IsUnique();
        b.HasIndex(d => new { d.Status, d.DueAt });
        b.HasIndex(d => d.LockedBy);
        b.HasIndex(d => d.ContactId);
        b.HasIndex(d => d.SentAt);
        b.Property(d => d.Phone).HasMaxLength(20);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Reason).HasMaxLength(200);
        b.Property(d => d.Text).HasMaxLength(1200);
        b.Property(d => d.ProviderMessageId).HasMaxLength(100);
        b.Property(d => d.LockedBy).HasMaxLength(100);
        b.HasOne<Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
