using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Leads;

public enum LeadSource
{
    Instagram,
    Facebook,
    Sms,
    Phone,
    QrCode,
    Website,
    Referral,
    Campaign,
}

public enum LeadStatus
{
    New,
    Contacted,
    Qualified,
    Quoted,
    Booked,
    Lost,
}

/// <summary>A sales opportunity for one contact, with where it came from (attribution links).</summary>
public sealed class Lead
{
    public const int MaxLostReason = 500;
    public const int MaxLocation = 200;
    public const int MaxZip = 10;
    public const int MaxOccasion = 100;
    public const int MaxNotes = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ContactId { get; set; }
    public LeadSource Source { get; set; }
    public LeadStatus Status { get; set; }
    public string? LostReason { get; set; }
    public DateOnly? EventDate { get; set; }
    public int? GuestCount { get; set; }
    public string? Location { get; set; }
    public string? Zip { get; set; }
    public string? Occasion { get; set; }
    public decimal? EstimatedValue { get; set; }
    public string? Notes { get; set; }
    // Attribution: where the lead came from. Ids of other features' rows, kept loose on purpose
    // (a feature reaches another only through its service or events).
    public Guid? ThreadId { get; set; }
    public Guid? CallId { get; set; }
    public Guid? QrCodeId { get; set; }
    public Guid? CampaignId { get; set; }
    public Guid? MessageId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime StatusChangedAt { get; set; }

    public bool IsOpen => Status is not (LeadStatus.Booked or LeadStatus.Lost);
}

/// <summary>History of a lead's status moves, shown in the lead drawer.</summary>
public sealed class LeadStatusChange
{
    public long Id { get; set; }
    public Guid LeadId { get; set; }
    public LeadStatus? From { get; set; }
    public LeadStatus To { get; set; }
    public string? Reason { get; set; }
    public string ChangedBy { get; set; } = "";
    public DateTime At { get; set; }
}

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> b)
    {
        b.ToTable("Leads");
        b.Property(l => l.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.LostReason).HasMaxLength(Lead.MaxLostReason);
        b.Property(l => l.Location).HasMaxLength(Lead.MaxLocation);
        b.Property(l => l.Zip).HasMaxLength(Lead.MaxZip);
        b.Property(l => l.Occasion).HasMaxLength(Lead.MaxOccasion);
        b.Property(l => l.Notes).HasMaxLength(Lead.MaxNotes);
        b.Property(l => l.EstimatedValue).HasPrecision(12, 2);
        // The foreign key to Contacts stays in the schema; named, not typed, so Leads never depends on the Contacts entity.
        b.HasOne("HibachiAdmin.Features.Contacts.Contact", null).WithMany().HasForeignKey(nameof(Lead.ContactId)).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.Status, l.EventDate });
        b.HasIndex(l => l.ContactId);
        b.HasIndex(l => l.CreatedAt);
        b.Ignore(l => l.IsOpen);
    }
}

internal sealed class LeadStatusChangeConfiguration : IEntityTypeConfiguration<LeadStatusChange>
{
    public void Configure(EntityTypeBuilder<LeadStatusChange> b)
    {
        b.ToTable("LeadStatusChanges");
        b.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Reason).HasMaxLength(500);
        b.Property(c => c.ChangedBy).HasMaxLength(256);
        b.HasIndex(c => new { c.LeadId, c.At });
        b.HasOne<Lead>().WithMany().HasForeignKey(c => c.LeadId).OnDelete(DeleteBehavior.Cascade);
    }
}
