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

/// <summary>Sends saga texts whose time has come (every minute). Idempotent per row via the SMS correlation id.</summary>
public sealed class DueMessagesJob(IDbContextFactory<AppDbContext> dbFactory, ContactService contacts, ISmsService sms, IConfiguration configuration, TimeProvider time)
{
    public const string Id = "booking-due-messages";

    public async Task RunAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Set<ScheduledMessage>().Where(m => m.Status == ScheduledStatus.Pending && m.DueAt <= now).OrderBy(m => m.DueAt).Take(200).ToListAsync(ct);
        var business = configuration["Business:Name"] ?? "Your hibachi chef";
        foreach (var message in due)
        {
            var booking = await db.Set<BookingRow>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == message.BookingId, ct);
            var phone = (await contacts.GetSummaryAsync(message.ContactId, ct))?.Phone;
            if (booking is null || phone is null || booking.Status == BookingStatus.Cancelled
                || (message.Kind == ScheduledKind.Reminder && booking.Status != BookingStatus.Confirmed))
            {
                message.Status = ScheduledStatus.Cancelled;
                message.Outcome = booking?.Status == BookingStatus.Cancelled ? "booking cancelled" : "no longer applies";
                message.DoneAt = now;
                continue;
            }
            var (text, purpose) = message.Kind == ScheduledKind.Reminder
                ? ($"{business}: reminder — your hibachi party is on {booking.EventDate:dddd, MMM d}{(booking.EventTime is { } t ? $" at {t:h:mm tt}" : "")} for {booking.GuestCount} guests. Reply here with any changes. Reply STOP to opt out.", SmsPurpose.Transactional)
                : ($"{business}: thank you for having us! Would you share a quick review of your party? It helps a small business a lot. Reply STOP to opt out.", SmsPurpose.Marketing);
            var result = await sms.SendAsync(new OutboundSms(message.ContactId, phone, text, purpose, $"booking-{message.Kind.ToString().ToLowerInvariant()}:{message.Id}"), ct);
            message.Status = result.Accepted ? ScheduledStatus.Sent : ScheduledStatus.Refused;
            message.Outcome = result.Accepted ? result.ProviderMessageId : result.RefusedReason;
            message.DoneAt = now;
        }
        await db.SaveChangesAsync(ct);
    }
}
