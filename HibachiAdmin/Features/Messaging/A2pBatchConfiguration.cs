using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Messaging;

internal sealed class A2pBatchConfiguration : IEntityTypeConfiguration<A2pBatch>
{
    public void Configure(EntityTypeBuilder<A2pBatch> b)
    {
        b.ToTable("A2pBatches");
        b.Property(x => x.Id).HasMaxLength(64);
        b.HasIndex(x => new { x.SettledAt, x.CreatedAt });
    }
}
