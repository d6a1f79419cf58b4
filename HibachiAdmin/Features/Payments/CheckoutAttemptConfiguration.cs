using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Payments;

internal sealed class CheckoutAttemptConfiguration : IEntityTypeConfiguration<CheckoutAttempt>
{
    public void Configure(EntityTypeBuilder<CheckoutAttempt> b)
    {
        b.ToTable("CheckoutAttempts");
        b.Property(a => a.Installment).HasMaxLength(20);
        b.Property(a => a.Amount).HasPrecision(12, 2);
        b.Property(a => a.SessionId).HasMaxLength(200);
        b.HasIndex(a => a.SessionId);
        b.Property(a => a.Provider).HasMaxLength(20);
        b.Property(a => a.State).HasMaxLength(20);
    }
}
