using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Payments;

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.ToTable("Payments");
        b.Property(p => p.PaymentIntentId).HasMaxLength(Payment.MaxStripeId);
        b.HasIndex(p => p.PaymentIntentId).IsUnique();
        b.Property(p => p.CheckoutSessionId).HasMaxLength(200);
        b.Property(p => p.Installment).HasMaxLength(20);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Amount).HasPrecision(12, 2);
        b.Property(p => p.Refunded).HasPrecision(12, 2);
        b.Property(p => p.DisputeReason).HasMaxLength(100);
        b.HasIndex(p => p.BookingId);
        b.HasIndex(p => p.PaidAt);
    }
}
