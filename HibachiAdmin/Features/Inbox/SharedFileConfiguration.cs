using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Inbox;

internal sealed class SharedFileConfiguration : IEntityTypeConfiguration<SharedFile>
{
    public void Configure(EntityTypeBuilder<SharedFile> b)
    {
        b.ToTable("SharedFiles");
        b.HasIndex(f => f.Token).IsUnique();
        b.Property(f => f.Token).HasMaxLength(32);
        b.Property(f => f.Name).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.CreatedBy).HasMaxLength(256);
    }
}
