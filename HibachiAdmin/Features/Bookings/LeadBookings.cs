using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Leads.Contracts;

namespace HibachiAdmin.Features.Bookings;

/// <summary>Bookings' side of <see cref="ILeadBookings"/>: the lead pages' view of a lead's booking.</summary>
public sealed class LeadBookings(BookingService bookings) : ILeadBookings
{
    public Type NewBookingDialog => typeof(CreateBookingDialog);

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
