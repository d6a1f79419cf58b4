using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Bookings;

internal sealed class BookingPaymentConfiguration : IEntityTypeConfiguration<BookingPayment>
{
    public void Configure(EntityTypeBuilder<BookingPayment> b)
    {
        b.ToTable("BookingPayments");
        b.Property(p => p.PaymentId).HasMaxLength(BookingPayment.MaxPaymentId);
        b.Property(p => p.Installment).HasMaxLength(20);
        b.Property(p => p.CheckoutSessionId).HasMaxLength(200);
        b.Property(p => p.Amount).HasPrecision(12, 2);
        b.Property(p => p.Refunded).HasPrecision(12, 2);
        b.HasKey(p => new { p.BookingId, p.PaymentId });
        b.HasIndex(p => p.PaidAt);
    }
}
