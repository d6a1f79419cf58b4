using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Payments;

internal sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> b)
    {
        b.ToTable("Quotes");
        b.HasIndex(q => new { q.BookingId, q.Version }).IsUnique();
        foreach (var money in new[] { nameof(Quote.Subtotal), nameof(Quote.Travel), nameof(Quote.Gratuity), nameof(Quote.Tax), nameof(Quote.Total), nameof(Quote.Deposit) })
        {
            b.Property<decimal>(money).HasPrecision(12, 2);
        }
        b.Property(q => q.Terms).HasMaxLength(Quote.MaxTerms);
        b.Property(q => q.SentBy).HasMaxLength(256);
        b.Property(q => q.AcceptedName).HasMaxLength(100);
        b.Property(q => q.AcceptedNetwork).HasMaxLength(64);
        b.Property(q => q.AcceptedUserAgent).HasMaxLength(512);
    }
}
