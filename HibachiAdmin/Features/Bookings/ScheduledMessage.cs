using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Bookings;

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
