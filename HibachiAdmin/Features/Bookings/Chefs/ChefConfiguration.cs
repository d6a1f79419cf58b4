using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Bookings.Chefs;

internal sealed class ChefConfiguration : IEntityTypeConfiguration<Chef>
{
    public void Configure(EntityTypeBuilder<Chef> b)
    {
        b.ToTable("Chefs");
        b.Property(c => c.Name).HasMaxLength(Chef.MaxName);
        b.Property(c => c.Phone).HasMaxLength(20);
        b.Property(c => c.HomeZip).HasMaxLength(Chef.MaxZip);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.UserId).HasMaxLength(450);
        b.Property(c => c.ScheduleStamp).IsConcurrencyToken();
        b.HasMany(c => c.DaysOff).WithOne().HasForeignKey(d => d.ChefId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.Name);
    }
}
