using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Campaigns;

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
        b.Property(c => c.LinkBase).HasMaxLength(300);
        b.HasIndex(c => new { c.Status, c.SendAt });
        b.HasIndex(c => c.CreatedAt);
        b.Ignore(c => c.Audience);
    }
}
