using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Payments;

internal sealed class PayLinkConfiguration : IEntityTypeConfiguration<PayLink>
{
    public void Configure(EntityTypeBuilder<PayLink> b)
    {
        b.ToTable("PayLinks");
        b.Property(l => l.TokenHash).HasMaxLength(64);
        b.HasIndex(l => l.TokenHash).IsUnique();
        b.HasIndex(l => l.BookingId);
        b.Property(l => l.Installment).HasMaxLength(20);
        b.Property(l => l.CreatedBy).HasMaxLength(256);
    }
}
