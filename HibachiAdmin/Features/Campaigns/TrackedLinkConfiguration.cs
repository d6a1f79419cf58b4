using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Campaigns;

internal sealed class TrackedLinkConfiguration : IEntityTypeConfiguration<TrackedLink>
{
    public void Configure(EntityTypeBuilder<TrackedLink> b)
    {
        b.ToTable("TrackedLinks");
        b.HasIndex(l => l.Code).IsUnique();
        b.HasIndex(l => new { l.CampaignId, l.ContactId, l.Position }).IsUnique();
        b.Property(l => l.Code).HasMaxLength(CampaignLinks.CodeLength);
        b.Property(l => l.Destination).HasMaxLength(CampaignLinks.MaxDestination);
        b.HasOne<Campaign>().WithMany().HasForeignKey(l => l.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
