using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Leads;

internal sealed class LeadInquiryConfiguration : IEntityTypeConfiguration<LeadInquiry>
{
    public void Configure(EntityTypeBuilder<LeadInquiry> b)
    {
        b.ToTable("LeadInquiries");
        b.Property(m => m.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Text).HasMaxLength(LeadInquiry.MaxText);
        b.HasIndex(m => new { m.LeadId, m.At });
        b.HasOne<Lead>().WithMany().HasForeignKey(m => m.LeadId).OnDelete(DeleteBehavior.Cascade);
    }
}
