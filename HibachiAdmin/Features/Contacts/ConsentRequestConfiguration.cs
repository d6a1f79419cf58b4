using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Contacts;

internal sealed class ConsentRequestConfiguration : IEntityTypeConfiguration<ConsentRequest>
{
    public void Configure(EntityTypeBuilder<ConsentRequest> b)
    {
        b.ToTable("ConsentRequests");
        b.Property(r => r.Phone).HasMaxLength(20).IsRequired();
        b.Property(r => r.Source).HasMaxLength(Contact.MaxConsentSource).IsRequired();
        b.Property(r => r.Evidence).HasMaxLength(ConsentRequest.MaxEvidence);
        b.Property(r => r.RequestedBy).HasMaxLength(256).IsRequired();
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.Outcome).HasMaxLength(300);
        b.HasIndex(r => new { r.Status, r.DueAt });
        b.HasIndex(r => new { r.ContactId, r.RequestedAt });
        b.HasOne<Contact>().WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}
