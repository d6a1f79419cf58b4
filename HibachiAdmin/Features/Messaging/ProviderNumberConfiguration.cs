using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Messaging;

internal sealed class ProviderNumberConfiguration : IEntityTypeConfiguration<ProviderNumber>
{
    public void Configure(EntityTypeBuilder<ProviderNumber> b)
    {
        b.ToTable("ProviderNumbers");
        b.HasKey(n => n.Number);
        b.Property(n => n.Number).HasMaxLength(20);
        b.Property(n => n.ExternalId).HasMaxLength(40);
        b.Property(n => n.UsageType).HasMaxLength(60);
        b.Property(n => n.Features).HasMaxLength(1000);
        b.Ignore(n => n.FeatureList);
    }
}
