using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Payments;

internal sealed class AddOnConfiguration : IEntityTypeConfiguration<AddOn>
{
    public void Configure(EntityTypeBuilder<AddOn> b)
    {
        b.ToTable("AddOns");
        b.Property(a => a.Name).HasMaxLength(AddOn.MaxName);
        b.Property(a => a.Price).HasPrecision(10, 2);
    }
}
