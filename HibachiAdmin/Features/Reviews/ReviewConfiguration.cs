using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Reviews;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.ToTable("Reviews");
        b.Property(r => r.Platform).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.ReplyState).HasConversion<string>().HasMaxLength(20);
        b.Property(r => r.ExternalId).HasMaxLength(200);
        b.Property(r => r.ResourceName).HasMaxLength(300);
        b.Property(r => r.ReviewerName).HasMaxLength(200);
        b.Property(r => r.Text).HasMaxLength(5000);
        b.Property(r => r.Url).HasMaxLength(500);
        b.Property(r => r.ReplyText).HasMaxLength(4096);
        b.Property(r => r.ReplyError).HasMaxLength(500);
        b.Property(r => r.ApprovedBy).HasMaxLength(256);
        // A plain integer compared in the UPDATE's WHERE: the same on SQLite and PostgreSQL (no provider row version).
        b.Property(r => r.ReplyVersion).IsConcurrencyToken();
        b.HasIndex(r => new { r.Platform, r.ExternalId }).IsUnique();
        b.HasIndex(r => r.CreatedAt);
    }
}
