using HibachiAdmin.Features.Contacts.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Leads;

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> b)
    {
        b.ToTable("Leads");
        b.Property(l => l.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.LostReason).HasMaxLength(Lead.MaxLostReason);
        b.Property(l => l.Location).HasMaxLength(Lead.MaxLocation);
        b.Property(l => l.Zip).HasMaxLength(Lead.MaxZip);
        b.Property(l => l.Occasion).HasMaxLength(Lead.MaxOccasion);
        b.Property(l => l.Notes).HasMaxLength(Lead.MaxNotes);
        b.Property(l => l.EstimatedValue).HasPrecision(12, 2);
        // The foreign key to Contacts stays in the schema; Contacts configures it (its contract), so Leads holds only the key.
        b.HasContactForeignKey(nameof(Lead.ContactId), DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.Status, l.EventDate });
        b.HasIndex(l => l.ContactId);
        b.HasIndex(l => l.CreatedAt);
        b.Ignore(l => l.IsOpen);
    }
}
