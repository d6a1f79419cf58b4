using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Messaging;

public enum OutboundStatus
{
    Refused,
    Queued,
    Sent,
    Delivered,
    Failed,
}

/// <summary>Every text the app sends (or refused to send), with its provider id, cost and status history.</summary>
public sealed class OutboundMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? ContactId { get; set; }
    public string To { get; set; } = "";
    public string? From { get; set; }
    public string Text { get; set; } = "";
    public SmsPurpose Purpose { get; set; }
    public OutboundStatus Status { get; set; }
    public string? RefusedReason { get; set; }
    public string? Error { get; set; }
    public string? Provider { get; set; }
    public string? ProviderMessageId { get; set; }
    public string Encoding { get; set; } = "GSM-7";
    public int Segments { get; set; }
    public decimal Cost { get; set; }
    /// <summary>The caller's idempotency key; unique when present.</summary>
    public string? CorrelationId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Statuses only move forward: Queued → Sent → Delivered, or to Failed.</summary>
    public static int Rank(OutboundStatus status) => status switch
    {
        OutboundStatus.Refused => 0,
        OutboundStatus.Queued => 1,
        OutboundStatus.Sent => 2,
        OutboundStatus.Delivered or OutboundStatus.Failed => 3,
        _ => 0,
    };
}

public sealed class OutboundStatusChange
{
    public long Id { get; set; }
    public Guid MessageId { get; set; }
    public OutboundStatus Status { get; set; }
    public string? Detail { get; set; }
    public DateTime At { get; set; }
}

internal sealed class OutboundMessageConfiguration : IEntityTypeConfiguration<OutboundMessage>
{
    public void Configure(EntityTypeBuilder<OutboundMessage> b)
    {
        b.ToTable("OutboundMessages");
        b.Property(m => m.To).HasMaxLength(20);
        b.Property(m => m.From).HasMaxLength(20);
        b.Property(m => m.Text).HasMaxLength(2000);
        b.Property(m => m.Purpose).HasConversion<string>().HasMaxLength(30);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.RefusedReason).HasMaxLength(50);
        b.Property(m => m.Error).HasMaxLength(500);
        b.Property(m => m.Provider).HasMaxLength(20);
        b.Property(m => m.ProviderMessageId).HasMaxLength(100);
        b.Property(m => m.Encoding).HasMaxLength(10);
        b.Property(m => m.Cost).HasPrecision(10, 4);
        b.Property(m => m.CorrelationId).HasMaxLength(200);
        b.HasIndex(m => m.CorrelationId).IsUnique();
        b.HasIndex(m => m.ProviderMessageId);
        b.HasIndex(m => new { m.To, m.CreatedAt });
        // The in-doubt recovery looks for queued texts by age every minute.
        b.HasIndex(m => new { m.Status, m.UpdatedAt });
    }
}

internal sealed class OutboundStatusChangeConfiguration : IEntityTypeConfiguration<OutboundStatusChange>
{
    public void Configure(EntityTypeBuilder<OutboundStatusChange> b)
    {
        b.ToTable("OutboundStatusChanges");
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Detail).HasMaxLength(500);
        b.HasIndex(c => c.MessageId);
        b.HasOne<OutboundMessage>().WithMany().HasForeignKey(c => c.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
