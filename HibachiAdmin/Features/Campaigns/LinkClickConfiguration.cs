using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Campaigns;

internal sealed class LinkClickConfiguration : IEntityTypeConfiguration<LinkClick>
{
    public void Configure(EntityTypeBuilder<LinkClick> b)
    {
        b.ToTable("LinkClicks");
        b.HasIndex(c => new { c.CampaignId, c.At });
        b.HasIndex(c => new { c.ContactId, c.At });
        b.HasIndex(c => c.AttributedAt);
        b.Property(c => c.UserAgent).HasMaxLength(300);
        b.HasOne<TrackedLink>().WithMany().HasForeignKey(c => c.LinkId).OnDelete(DeleteBehavior.Cascade);
    }
}
