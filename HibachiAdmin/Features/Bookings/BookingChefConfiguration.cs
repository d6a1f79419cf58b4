using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Bookings;

internal sealed class BookingChefConfiguration : IEntityTypeConfiguration<BookingChef>
{
    public void Configure(EntityTypeBuilder<BookingChef> b)
    {
        b.ToTable("BookingChefs");
        b.HasKey(c => new { c.BookingId, c.ChefId });
        b.Property(c => c.ChefName).HasMaxLength(Chefs.Chef.MaxName);
        b.HasIndex(c => c.ChefId);
    }
}
