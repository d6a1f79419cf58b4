using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Features.Payments;

/// <summary>
/// Why: customers forget the balance. Every 15 minutes, a booking whose balance is due within
/// <c>Payments:ReminderDaysBefore</c> days gets one reminder with a fresh pay link, and one more the day after the
/// due date if it is still unpaid. Each is recorded (unique per booking, kind and due date) before it is texted, so
/// it goes at most once; inside the customer's quiet hours it waits for a later run. Links need
/// <c>Qr:PublicBaseUrl</c> (the app's public address): without it nothing is sent.
/// </summary>
public sealed class BalanceRemindersJob(
    IBookingMoney bookings, IContactService contacts, ISmsService sms, PaymentsService payments, IDbContextFactory<AppDbContext> dbFactory,
    IOptions<PaymentsOptions> options, IConfiguration configuration, Formats formats, TimeProvider time, ILogger<BalanceRemindersJob> logger)
{
    public const string Id = "payment-balance-reminders";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (configuration["Qr:PublicBaseUrl"] is not { Length: > 0 } baseUrl)
        {
            return 0;
        }
        var today = formats.Today;
        var sent = 0;
        foreach (var booking in await bookings.BalancesDueAsync(today.AddDays(Math.Max(0, options.Value.ReminderDaysBefore)), ct))
        {
            var due = booking.BalanceDueDate!.Value;
            var kind = due < today ? "late" : "due";
            if (await contacts.GetSummaryAsync(booking.ContactId, ct) is not { Phone: { } phone })
            {
                continue;
            }
            var now = time.GetUtcNow().UtcDateTime;
            if (await sms.EarliestAllowedSendTimeAsync(phone, SmsPurpose.Transactional, now, UsZipStates.Of(booking.Address, booking.Zip), ct) > now)
            {
                continue;
            }
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (await db.Set<PaymentReminder>().AnyAsync(r => r.BookingId == booking.Id && r.Kind == kind && r.DueDate == due, ct))
            {
                continue;
            }
            db.Add(new PaymentReminder { BookingId = booking.Id, Kind = kind, DueDate = due, SentAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                continue; // another run took it
            }
            var link = await payments.NewLinkAsync(booking.Id, Installments.Balance, Actor.System, baseUrl, ct);
            if (link.Url is not { } url)
            {
                continue;
            }
            var text = kind == "late"
                ? $"{configuration["Business:Name"] ?? "Hibachi"}: the balance of {Formats.Cents(booking.AmountDue)} for your party on {formats.ShortDate(booking.EventDate)} was due {formats.ShortDate(due)}. Pay here: {url} Reply STOP to opt out."
                : $"{configuration["Business:Name"] ?? "Hibachi"}: the balance of {Formats.Cents(booking.AmountDue)} for your party on {formats.ShortDate(booking.EventDate)} is due {formats.ShortDate(due)}. Pay here: {url} Reply STOP to opt out.";
            var result = await sms.SendAsync(new OutboundSms(booking.ContactId, phone, text, SmsPurpose.Transactional, $"balance-{kind}:{booking.Id}:{due:yyyyMMdd}"), ct);
            if (result.Accepted)
            {
                sent++;
            }
            else
            {
                logger.LogInformation("Balance reminder for booking {BookingId} not sent: {Reason}", booking.Id, result.RefusedReason);
            }
        }
        return sent;
    }
}
