using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Messaging;

internal sealed class StateRuleChangeConfiguration : IEntityTypeConfiguration<StateRuleChange>
{
    public void Configure(EntityTypeBuilder<StateRuleChange> b)
    {
        b.ToTable("StateRuleChanges");
        b.HasKey(c => c.Id);
        b.Property(c => c.State).HasMaxLength(2).IsRequired();
        b.Property(c => c.By).HasMaxLength(StateRuleChange.MaxBy).IsRequired();
        b.Property(c => c.Why).HasMaxLength(StateRuleChange.MaxWhy).IsRequired();
        b.HasIndex(c => new { c.State, c.Id });
    }
}
