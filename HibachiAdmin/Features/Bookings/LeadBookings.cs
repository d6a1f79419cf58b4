using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Leads.Contracts;

namespace HibachiAdmin.Features.Bookings;

/// <summary>Bookings' side of <see cref="ILeadBookings"/>: the lead pages' view of a lead's booking.</summary>
public sealed class LeadBookings(BookingService bookings, ILeadService leads, IConfiguration configuration) : ILeadBookings
{
    public Type NewBookingDialog => typeof(CreateBookingDialog);

    public string QuotePath(Guid bookingId) => BookingPageLinks.Quote(bookingId);

    public async Task<Guid?> StartQuoteAsync(Guid leadId, Common.Actor actor, CancellationToken ct)
    {
        if ((await bookings.ForLeadsAsync([leadId], ct)).GetValueOrDefault(leadId) is { Status: BookingStatus.Requested or BookingStatus.Confirmed } live)
        {
            return live.Id;
        }
        if (await leads.GetDtoAsync(leadId, ct) is not { EventDate: { } date, GuestCount: { } guests } lead || lead.Status == LeadStatus.Lost)
        {
            return null;
        }
        var notes = string.Join(". ", new[] { lead.Occasion, lead.Notes }.Where(t => !string.IsNullOrWhiteSpace(t)));
        var result = await bookings.RequestAsync(new BookingRequested(lead.ContactId, lead.Id, date, null, guests, configuration.GetValue("Business:PricePerPerson", 60m),
            lead.Location, lead.Zip, null, notes.Length > 0 ? notes[..Math.Min(notes.Length, BookingRow.MaxNotes)] : null), actor, ct);
        // A past date or guests out of range: the dialog shows the facts to fix.
        return result.Booking?.Id;
    }

    public async Task<IReadOnlyDictionary<Guid, LeadBooking>> ForLeadsAsync(IEnumerable<Guid> leadIds, CancellationToken ct) =>
        (await bookings.ForLeadsAsync(leadIds, ct)).ToDictionary(kv => kv.Key, kv => new LeadBooking(kv.Value.Id, Map(kv.Value.Status),
            kv.Value.EventDate, kv.Value.EventTime, kv.Value.GuestCount, kv.Value.Total));

    private static LeadBookingStatus Map(BookingStatus status) => status switch
    {
        BookingStatus.Requested => LeadBookingStatus.Requested,
        BookingStatus.Confirmed => LeadBookingStatus.Confirmed,
        BookingStatus.Completed => LeadBookingStatus.Completed,
        _ => LeadBookingStatus.Cancelled,
    };
}
