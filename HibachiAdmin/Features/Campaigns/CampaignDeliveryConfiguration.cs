using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Campaigns;

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
        // Counts by status, for one campaign or a list of them, read from the index alone.
        b.HasIndex(d => new { d.CampaignId, d.Status });
        b.Property(d => d.Phone).HasMaxLength(20);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Reason).HasMaxLength(200);
        b.Property(d => d.Text).HasMaxLength(1200);
        b.Property(d => d.ProviderMessageId).HasMaxLength(100);
        b.Property(d => d.LockedBy).HasMaxLength(100);
        b.HasOne<Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
