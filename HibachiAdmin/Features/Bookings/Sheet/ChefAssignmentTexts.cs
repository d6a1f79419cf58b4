using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Chefs;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Bookings.Sheet;

/// <summary>
/// From the outbox, for each <c>ChefAssigned</c>: a sheet link of the chef's own and the text that carries it, due when
/// the texting rules allow a transactional text to the chef's number (quiet hours) — one <see cref="ChefNotice"/> per
/// assignment event (unique), committed with the handler's processed mark. <see cref="ChefNoticesJob"/> sends it.
/// </summary>
public sealed class ChefAssignmentTexts(IContactService contacts, ISmsService sms, Formats formats, IConfiguration configuration, TimeProvider time) : IEventHandler
{
    public string Name => "booking.chef-sheet-text";

    public bool Handles(string eventType) => eventType == BookingEventTypes.ChefAssigned;

    /// <summary>The address chefs open links on: <c>Alerts:PublicBaseUrl</c>, else <c>Qr:PublicBaseUrl</c>, else the app's local default.</summary>
    public static string LinkBase(IConfiguration configuration) =>
        (configuration["Alerts:PublicBaseUrl"] is { Length: > 0 } a ? a : configuration["Qr:PublicBaseUrl"] is { Length: > 0 } q ? q : "http://localhost:5256").TrimEnd('/');

    public async Task HandleAsync(OutboxEntry entry, AppDbContext db, CancellationToken ct)
    {
        var assigned = JsonSerializer.Deserialize<ChefAssigned>(entry.Data, EventStore.Json)!;
        if (await db.Set<ChefNotice>().AnyAsync(n => n.AssignmentEventId == entry.EventId, ct))
        {
            return;
        }
        var row = await db.Set<BookingRow>().AsNoTracking().Include(r => r.ChefRows).FirstOrDefaultAsync(r => r.Id == entry.StreamId, ct);
        var chef = await db.Set<Chef>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == assigned.ChefId, ct);
        // Taken off (or the party cancelled) before this ran: nothing to tell them.
        if (row is null || chef is null || row.Status is BookingStatus.Cancelled or BookingStatus.Completed || row.ChefRows.All(c => c.ChefId != chef.Id))
        {
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var token = SheetTokens.New();
        db.Add(new ChefSheetLink { BookingId = row.Id, ChefId = chef.Id, TokenHash = SheetTokens.Hash(token), CreatedAt = now });
        var customer = (await contacts.GetSummaryAsync(row.ContactId, ct))?.Name;
        var start = PartyTimes.StartUtc(row.EventDate, row.EventTime, formats.Zone);
        var business = configuration["Business:Name"] ?? "Hibachi";
        var first = customer?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var text = $"{business}: you're the chef for {(first is null ? "a" : first + "'s")} party on {row.EventDate:ddd, MMM d} at "
            + $"{Formats.Time(TimeOnly.FromDateTime(formats.Local(start)))}, {row.GuestCount} guests. Event sheet: {LinkBase(configuration)}/sheet/{token} Reply STOP to opt out.";
        db.Add(new ChefNotice
        {
            AssignmentEventId = entry.EventId, BookingId = row.Id, ChefId = chef.Id, Phone = chef.Phone, Text = text[..Math.Min(text.Length, ChefNotice.MaxText)],
            Status = ScheduledStatus.Pending, CreatedAt = now,
            // The chef's number's zones and the party's state: the strictest texting hours win.
            DueAt = await sms.EarliestAllowedSendTimeAsync(chef.Phone, SmsPurpose.Transactional, now, UsZipStates.Of(row.Address, row.Zip), ct),
        });
    }
}
