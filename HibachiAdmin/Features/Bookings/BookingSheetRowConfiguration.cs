using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Bookings;

internal sealed class BookingSheetRowConfiguration : IEntityTypeConfiguration<BookingSheetRow>
{
    public void Configure(EntityTypeBuilder<BookingSheetRow> b)
    {
        b.ToTable("BookingSheets");
        b.HasKey(s => s.BookingId);
        b.Property(s => s.GateNotes).HasMaxLength(BookingSheetRow.MaxNotes);
        b.Property(s => s.ParkingNotes).HasMaxLength(BookingSheetRow.MaxNotes);
        b.Property(s => s.SheetNotes).HasMaxLength(BookingSheetRow.MaxNotes * 4);
        b.Property(s => s.DoneNotes).HasMaxLength(BookingSheetRow.MaxNotes * 4);
        b.Property(s => s.Setting).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.OnTheWayBy).HasMaxLength(256);
        b.Property(s => s.ArrivedBy).HasMaxLength(256);
        b.Property(s => s.DoneBy).HasMaxLength(256);
        b.Ignore(s => s.Dietary);
        b.Ignore(s => s.Equipment);
        b.Ignore(s => s.GuestLog);
        b.Ignore(s => s.Step);
    }
}
