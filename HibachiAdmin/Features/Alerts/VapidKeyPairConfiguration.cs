using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Alerts;

internal sealed class VapidKeyPairConfiguration : IEntityTypeConfiguration<VapidKeyPair>
{
    public void Configure(EntityTypeBuilder<VapidKeyPair> b)
    {
        b.ToTable("VapidKeys");
        b.Property(k => k.Id).ValueGeneratedNever();
        b.Property(k => k.PublicKey).HasMaxLength(200);
        b.Property(k => k.PrivateKey).HasMaxLength(200);
    }
}
