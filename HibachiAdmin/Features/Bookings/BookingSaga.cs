using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Bookings;

/// <summary>
/// The booking saga, run from the outbox. Confirmed: lead → Booked, one confirmation text, a reminder
/// 48 h before the event. Rescheduled: the reminder moves. Cancelled: pending texts are cancelled and
/// the lead goes to Lost or back to Qualified. The review request goes once the party is done (Completed) <b>and</b> paid in full,
/// whichever comes last, <c>Bookings:ReviewRequestDelayHours</c> (default 2) after the later of the party's end and the payment
/// in full; a refund that leaves money due or a dispute withdraws a pending one, and a disputed booking never gets one.
/// Scheduled texts are rows (<see cref="ScheduledMessage"/>) shifted into the recipient's sending
/// window; their inserts commit with the handler's processed-message row.
/// </summary>
public sealed class BookingSaga(IContactService contacts, ILeadService leads, ISmsService sms, Formats formats, TimeProvider time, IConfiguration configuration) : IEventHandler
{
    /// <summary>Hours after the party and full payment before the review request goes (within the recipient's sending window).</summary>
    public const string ReviewRequestDelayKey = "Bookings:ReviewRequestDelayHours";
    public const double DefaultReviewRequestDelayHours = 2;

    /// <summary>When no start time is given, parties are assumed to start at 17:00 and last 3 hours (<see cref="PartyTimes"/>).</summary>
    private static readonly TimeSpan PartyLength = PartyTimes.Length;

    public string Name => "booking.saga";

    public bool Handles(string eventType) =>
        eventType is BookingEventTypes.Confirmed or BookingEventTypes.Cancelled or BookingEventTypes.Rescheduled or BookingEventTypes.Completed
            or BookingEventTypes.PaymentDisputed or BookingEventTypes.PaymentReceived or BookingEventTypes.PaymentRefunded;

    /// <summary>The configured delay, kept from 0 to 30 days (an unreadable value is the default).</summary>
    private TimeSpan ReviewRequestDelay
    {
        get
        {
            var hours = double.TryParse(configuration[ReviewRequestDelayKey], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var h)
                        && double.IsFinite(h) ? h : DefaultReviewRequestDelayHours;
            return TimeSpan.FromHours(Math.Clamp(hours, 0, 30 * 24));
        }
    }

    private DateTime EventStartUtc(BookingRow row)
    {
        // Parties happen in the business's time zone.
        return PartyTimes.StartUtc(row.EventDate, row.EventTime, formats.Zone);
    }

    /// <summary>A due time already past means now.</summary>
    private static DateTime NotBefore(DateTime due, DateTime now)
    {
        // Stryker disable once Equality : at due == now both branches are the same instant, so "<" → "<=" cannot be observed
        return due < now ? now : due;
    }

    private async Task<DateTime> ShiftAsync(BookingRow row, string phone, SmsPurpose purpose, DateTime due, CancellationToken ct) =>
        // The party's state counts too: the person is there on the day, and may live there.
        await sms.EarliestAllowedSendTimeAsync(phone, purpose, due, Common.UsZipStates.Of(row.Address, row.Zip), ct);

    /// <summary>
    /// Brings the review request in line with the booking as it stands now (the read model, whatever order the events came in):
    /// done, paid in full and not disputed → one request (never a second while one is pending or went out); otherwise a pending
    /// one is withdrawn. A withdrawn one does not block a new one once the booking is paid in full again.
    /// </summary>
    private async Task ReviewRequestAsync(AppDbContext db, BookingRow row, string? phone, DateTime now, CancellationToken ct)
    {
        var requests = await db.Set<ScheduledMessage>()
            .Where(m => m.BookingId == row.Id && m.Kind == ScheduledKind.ReviewRequest && m.Status != ScheduledStatus.Cancelled).ToListAsync(ct);
        if (row.Status != BookingStatus.Completed || row.Disputed || row.PaidInFullAt is not { } paidInFull)
        {
            foreach (var pending in requests.Where(m => m.Status == ScheduledStatus.Pending))
            {
                pending.Status = ScheduledStatus.Cancelled;
                pending.Outcome = row.Disputed ? "payment disputed" : "not paid in full";
                pending.DoneAt = now;
            }
            return;
        }
        if (phone is null || requests.Count > 0)
        {
            return;
        }
        var partyEnd = EventStartUtc(row) + PartyLength;
        var due = (paidInFull > partyEnd ? paidInFull : partyEnd) + ReviewRequestDelay;
        db.Add(new ScheduledMessage { BookingId = row.Id, ContactId = row.ContactId, Kind = ScheduledKind.ReviewRequest, CreatedAt = now,
            DueAt = await ShiftAsync(row, phone, SmsPurpose.Marketing, NotBefore(due, now), ct) });
    }

    /// <summary>
    /// Staff chose to tell the customer about a move: one text at the first moment the texting rules allow (a move made at
    /// 11 PM goes out in the morning). Its words are written when it is sent, from the booking as it is then, so an unsent
    /// notice of an earlier move is withdrawn: the customer hears the latest date once. Consent is the SMS service's to
    /// decide when it goes (an opted-out customer gets nothing).
    /// </summary>
    private async Task ScheduleMoveNoticeAsync(AppDbContext db, BookingRow row, string? phone, DateTime now, CancellationToken ct)
    {
        var stored = await db.Set<ScheduledMessage>().Where(m => m.BookingId == row.Id && m.Kind == ScheduledKind.RescheduleNotice && m.Status == ScheduledStatus.Pending).ToListAsync(ct);
        // A move handled earlier in the same dispatch batch added its notice to this context without saving it yet.
        var unsaved = db.Set<ScheduledMessage>().Local.Where(m => m.BookingId == row.Id && m.Kind == ScheduledKind.RescheduleNotice && m.Status == ScheduledStatus.Pending);
        foreach (var earlier in stored.Union(unsaved).ToList())
        {
            earlier.Status = ScheduledStatus.Cancelled;
            earlier.Outcome = "replaced by a later move";
            earlier.DoneAt = now;
        }
        var notice = new ScheduledMessage { BookingId = row.Id, ContactId = row.ContactId, Kind = ScheduledKind.RescheduleNotice, CreatedAt = now, DueAt = now };
        if (phone is null)
        {
            (notice.Status, notice.Outcome, notice.DoneAt) = (ScheduledStatus.Refused, "no phone number", now);
        }
        else
        {
            notice.DueAt = await ShiftAsync(row, phone, SmsPurpose.Transactional, now, ct);
        }
        db.Add(notice);
    }

    public async Task HandleAsync(OutboxEntry entry, AppDbContext db, CancellationToken ct)
    {
        var row = await db.Set<BookingRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == entry.StreamId, ct);
        if (row is null)
        {
            return;
        }
        var phone = (await contacts.GetSummaryAsync(row.ContactId, ct))?.Phone;
        var now = time.GetUtcNow().UtcDateTime;
        if (entry.EventType == BookingEventTypes.Rescheduled)
        {
            // Moved to under 48 h away: the reminder is due now (a past time would be sent at once, whatever the hour).
            var moved = NotBefore(EventStartUtc(row).AddHours(-48), now);
            if (phone is not null)
            {
                // Without a number there is no sending window to judge by: the time stands as computed.
                moved = await ShiftAsync(row, phone, SmsPurpose.Transactional, moved, ct);
            }
            foreach (var reminder in await db.Set<ScheduledMessage>().Where(m => m.BookingId == row.Id && m.Kind == ScheduledKind.Reminder && m.Status == ScheduledStatus.Pending).ToListAsync(ct))
            {
                reminder.DueAt = moved;
            }
            if (JsonSerializer.Deserialize<BookingRescheduled>(entry.Data, EventStore.Json)!.TellCustomer)
            {
                await ScheduleMoveNoticeAsync(db, row, phone, now, ct);
            }
            return;
        }
        if (entry.EventType is BookingEventTypes.Completed or BookingEventTypes.PaymentDisputed or BookingEventTypes.PaymentReceived or BookingEventTypes.PaymentRefunded)
        {
            // A payment that confirms the booking comes with its own Confirmed event.
            await ReviewRequestAsync(db, row, phone, now, ct);
            return;
        }
        if (entry.EventType == BookingEventTypes.Confirmed)
        {
            // The read model is current: a booking confirmed and cancelled in one batch gets no reminder.
            if (phone is not null && row.Status == BookingStatus.Confirmed
                && !await db.Set<ScheduledMessage>().AnyAsync(m => m.BookingId == row.Id && m.Kind == ScheduledKind.Reminder, ct))
            {
                var due = EventStartUtc(row).AddHours(-48);
                db.Add(new ScheduledMessage { BookingId = row.Id, ContactId = row.ContactId, Kind = ScheduledKind.Reminder, CreatedAt = now,
                    DueAt = await ShiftAsync(row, phone, SmsPurpose.Transactional, NotBefore(due, now), ct) });
            }
            if (row.LeadId is { } lead)
            {
                await leads.ChangeStatusAsync(new CrossFeatureTransaction(db), lead, LeadStatus.Booked, null, Actor.System, ct);
            }
            if (phone is not null)
            {
                await sms.SendAsync(new OutboundSms(row.ContactId, phone,
                    $"Your hibachi party on {row.EventDate:dddd, MMM d} for {row.GuestCount} guests is confirmed. Reply here with any questions. Reply STOP to opt out.",
                    SmsPurpose.Transactional, $"booking-confirmation:{row.Id}"), ct);
            }
        }
        else
        {
            // Tracked, not ExecuteUpdate: it commits with the handler's processed mark or not at all.
            foreach (var pending in await db.Set<ScheduledMessage>().Where(m => m.BookingId == row.Id && m.Status == ScheduledStatus.Pending).ToListAsync(ct))
            {
                pending.Status = ScheduledStatus.Cancelled;
                pending.DoneAt = now;
            }
            if (row.LeadId is not { } lead)
            {
                return;
            }
            var cancelled = JsonSerializer.Deserialize<BookingCancelled>(entry.Data, EventStore.Json)!;
            await leads.ChangeStatusAsync(new CrossFeatureTransaction(db), lead, cancelled.LeadOutcome == "reopen" ? LeadStatus.Qualified : LeadStatus.Lost,
                cancelled.LeadOutcome == "reopen" ? null : $"Booking cancelled: {cancelled.Reason}", Actor.System, ct);
        }
    }
}
