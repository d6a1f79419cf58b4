using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Bookings;

/// <summary>
/// The first saga steps, run from the outbox: a confirmed booking moves its lead to Booked and sends
/// one confirmation text (idempotent by correlation id); a cancellation sends the lead to Lost or back
/// to Qualified as chosen. Reminders and review requests are the next step of issue 4.
/// </summary>
public sealed class BookingSaga(LeadService leads, ISmsService sms) : IEventHandler
{
    public string Name => "booking.saga";

    public bool Handles(string eventType) => eventType is BookingEventTypes.Confirmed or BookingEventTypes.Cancelled;

    public async Task HandleAsync(OutboxEntry entry, AppDbContext db, CancellationToken ct)
    {
        var row = await db.Set<BookingRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == entry.StreamId, ct);
        if (row is null)
        {
            return;
        }
        if (entry.EventType == BookingEventTypes.Confirmed)
        {
            if (row.LeadId is { } lead)
            {
                await leads.ChangeStatusAsync(lead, LeadStatus.Booked, null, Actor.System, ct);
            }
            var phone = await db.Set<Contact>().AsNoTracking().Where(c => c.Id == row.ContactId).Select(c => c.Phone).FirstOrDefaultAsync(ct);
            if (phone is not null)
            {
                await sms.SendAsync(new OutboundSms(row.ContactId, phone,
                    $"Your hibachi party on {row.EventDate:dddd, MMM d} for {row.GuestCount} guests is confirmed. Reply here with any questions. Reply STOP to opt out.",
                    SmsPurpose.Transactional, $"booking-confirmation:{row.Id}"), ct);
            }
        }
        else if (row.LeadId is { } lead)
        {
            var cancelled = JsonSerializer.Deserialize<BookingCancelled>(entry.Data, EventStore.Json)!;
            await leads.ChangeStatusAsync(lead, cancelled.LeadOutcome == "reopen" ? LeadStatus.Qualified : LeadStatus.Lost,
                cancelled.LeadOutcome == "reopen" ? null : $"Booking cancelled: {cancelled.Reason}", Actor.System, ct);
        }
    }
}

public static class BookingsFeature
{
    public static WebApplicationBuilder AddBookings(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BookingService>();
        builder.Services.AddSingleton<IEventHandler, BookingSaga>();
        return builder;
    }
}
