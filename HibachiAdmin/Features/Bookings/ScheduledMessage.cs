using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Bookings;

public enum ScheduledKind
{
    Reminder,
    ReviewRequest,
}

public enum ScheduledStatus
{
    Pending,
    Sent,
    Refused,
    Cancelled,
}

/// <summary>A saga text with a due time. The row is the schedule: nothing lives only in Hangfire.</summary>
public sealed class ScheduledMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BookingId { get; set; }
    public Guid ContactId { get; set; }
    public ScheduledKind Kind { get; set; }
    public DateTime DueAt { get; set; }
    public ScheduledStatus Status { get; set; }
    public string? Outcome { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DoneAt { get; set; }
}

internal sealed class ScheduledMessageConfiguration : IEntityTypeConfiguration<ScheduledMessage>
{
    public void Configure(EntityTypeBuilder<ScheduledMessage> b)
    {
        b.ToTable("ScheduledMessages");
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Outcome).HasMaxLength(200);
        b.HasIndex(m => new { m.Status, m.DueAt });
        b.HasIndex(m => new { m.BookingId, m.Kind });
    }
}
