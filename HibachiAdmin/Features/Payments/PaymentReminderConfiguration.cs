using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Payments;

internal sealed class PaymentReminderConfiguration : IEntityTypeConfiguration<PaymentReminder>
{
    public void Configure(EntityTypeBuilder<PaymentReminder> b)
    {
        b.ToTable("PaymentReminders");
        b.HasKey(r => new { r.BookingId, r.Kind, r.DueDate });
        b.Property(r => r.Kind).HasMaxLength(10);
    }
}
