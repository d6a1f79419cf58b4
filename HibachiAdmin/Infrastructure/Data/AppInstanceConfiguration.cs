using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Infrastructure.Data;

internal sealed class AppInstanceConfiguration : IEntityTypeConfiguration<AppInstance>
{
    public void Configure(EntityTypeBuilder<AppInstance> b)
    {
        b.ToTable("AppInstances");
        b.Property(i => i.Id).HasMaxLength(60);
        b.HasIndex(i => i.HeartbeatAt);
    }
}
