using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Calls;

internal sealed class CallLogConfiguration : IEntityTypeConfiguration<CallLog>
{
    public void Configure(EntityTypeBuilder<CallLog> b)
    {
        b.ToTable("Calls");
        b.Property(c => c.TelephonySessionId).HasMaxLength(100);
        b.HasIndex(c => c.TelephonySessionId).IsUnique();
        b.Property(c => c.Direction).HasMaxLength(10);
        b.Property(c => c.FromNumber).HasMaxLength(20);
        b.Property(c => c.FromName).HasMaxLength(200);
        b.Property(c => c.ToNumber).HasMaxLength(20);
        b.Property(c => c.Status).HasMaxLength(30);
        b.Property(c => c.RecordingId).HasMaxLength(50);
        b.Property(c => c.RecordingContentUri).HasMaxLength(500);
        b.HasIndex(c => c.StartedAt);
        b.HasIndex(c => c.ContactId);
        b.HasIndex(c => new { c.TextBackDoneAt, c.TextBackDueAt });
    }
}
