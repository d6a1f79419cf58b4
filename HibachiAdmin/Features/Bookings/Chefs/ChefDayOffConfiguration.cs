using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Bookings.Chefs;

internal sealed class ChefDayOffConfiguration : IEntityTypeConfiguration<ChefDayOff>
{
    public void Configure(EntityTypeBuilder<ChefDayOff> b)
    {
        b.ToTable("ChefDaysOff");
        b.HasKey(d => new { d.ChefId, d.Day });
    }
}
