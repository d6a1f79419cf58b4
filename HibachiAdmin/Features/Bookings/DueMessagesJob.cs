using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Bookings;

/// <summary>Sends saga texts whose time has come (every minute). Idempotent per row via the SMS correlation id.</summary>
public sealed class DueMessagesJob(IDbContextFactory<AppDbContext> dbFactory, IContactService contacts, ISmsService sms, IConfiguration configuration, TimeProvider time)
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
                || (message.Kind == ScheduledKind.Reminder && booking.Status != BookingStatus.Confirmed)
                // The saga withdraws a review request when money goes back or is disputed; the send checks again, in case it has not yet.
                || (message.Kind == ScheduledKind.ReviewRequest && (booking.Status != BookingStatus.Completed || booking.Disputed || booking.PaidInFullAt is null))
                || (message.Kind == ScheduledKind.RescheduleNotice && booking.Status is not (BookingStatus.Requested or BookingStatus.Confirmed)))
            {
                message.Status = ScheduledStatus.Cancelled;
                message.Outcome = booking?.Status == BookingStatus.Cancelled ? "booking cancelled" : "no longer applies";
                message.DoneAt = now;
                continue;
            }
            var (text, purpose) = message.Kind switch
            {
                ScheduledKind.Reminder => ($"{business}: reminder — your hibachi party is on {booking.EventDate:dddd, MMM d}{(booking.EventTime is { } t ? $" at {t:h:mm tt}" : "")} for {booking.GuestCount} guests. Reply here with any changes. Reply STOP to opt out.", SmsPurpose.Transactional),
                // Written now, from the booking as it is: the date the customer reads is the latest one.
                ScheduledKind.RescheduleNotice => ($"{business}: your hibachi party has moved to {booking.EventDate.ToString("dddd, MMM d", Common.Formats.Culture)}{(booking.EventTime is { } at ? $" at {Common.Formats.Time(at)}" : "")} for {booking.GuestCount} guests. Reply here with any questions. Reply STOP to opt out.", SmsPurpose.Transactional),
                _ => ($"{business}: thank you for having us! Would you share a quick review of your party? It helps a small business a lot. Reply STOP to opt out.", SmsPurpose.Marketing),
            };
            var result = await sms.SendAsync(new OutboundSms(message.ContactId, phone, text, purpose, $"booking-{message.Kind.ToString().ToLowerInvariant()}:{message.Id}"), ct);
            message.Status = result.Accepted ? ScheduledStatus.Sent : ScheduledStatus.Refused;
            message.Outcome = result.Accepted ? result.ProviderMessageId : result.RefusedReason;
            message.DoneAt = now;
        }
        await db.SaveChangesAsync(ct);
    }
}
