using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Contacts;

internal sealed class ConsentLedgerEntryConfiguration : IEntityTypeConfiguration<ConsentLedgerEntry>
{
    public void Configure(EntityTypeBuilder<ConsentLedgerEntry> b)
    {
        b.ToTable("ConsentLedger");
        b.Property(e => e.From).HasConversion(ConsentStorage.Converter).HasMaxLength(10);
        b.Property(e => e.To).HasConversion(ConsentStorage.Converter).HasMaxLength(10);
        b.Property(e => e.Source).HasMaxLength(Contact.MaxConsentSource).IsRequired();
        b.Property(e => e.Evidence).HasMaxLength(Contact.MaxConsentEvidence);
        b.Property(e => e.ChangedBy).HasMaxLength(256).IsRequired();
        b.Property(e => e.Phone).HasMaxLength(20);
        b.HasIndex(e => new { e.ContactId, e.At });
        b.HasOne<Contact>().WithMany().HasForeignKey(e => e.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
