using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Bookings;

internal sealed class BookingRowConfiguration : IEntityTypeConfiguration<BookingRow>
{
    public void Configure(EntityTypeBuilder<BookingRow> b)
    {
        b.ToTable("BookingRows");
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.Address).HasMaxLength(BookingRow.MaxAddress);
        b.Property(r => r.Zip).HasMaxLength(BookingRow.MaxZip);
        b.Property(r => r.Package).HasMaxLength(BookingRow.MaxPackage);
        b.Property(r => r.Notes).HasMaxLength(BookingRow.MaxNotes);
        b.Property(r => r.CancelReason).HasMaxLength(BookingRow.MaxCancelReason);
        b.Property(r => r.PricePerPerson).HasPrecision(10, 2);
        b.Property(r => r.Total).HasPrecision(12, 2);
        b.Property(r => r.DepositPaid).HasPrecision(12, 2);
        b.Property(r => r.DepositDue).HasPrecision(12, 2);
        b.Property(r => r.PaidOnline).HasPrecision(12, 2);
        b.Property(r => r.Refunded).HasPrecision(12, 2);
        b.HasMany(r => r.PaymentRows).WithOne().HasForeignKey(p => p.BookingId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(r => r.Payments);
        b.HasMany(r => r.ChefRows).WithOne().HasForeignKey(c => c.BookingId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(r => r.ChefIds);
        b.HasIndex(r => r.EventDate);
        b.HasIndex(r => r.ContactId);
    }
}
