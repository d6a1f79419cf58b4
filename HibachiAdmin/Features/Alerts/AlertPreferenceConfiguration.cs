using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Alerts;

internal sealed class AlertPreferenceConfiguration : IEntityTypeConfiguration<AlertPreference>
{
    public void Configure(EntityTypeBuilder<AlertPreference> b)
    {
        b.ToTable("AlertPreferences");
        b.HasKey(p => p.UserId);
        b.Property(p => p.UserId).HasMaxLength(450);
    }
}
