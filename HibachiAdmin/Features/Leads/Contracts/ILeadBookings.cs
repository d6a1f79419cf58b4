namespace HibachiAdmin.Features.Leads.Contracts;

/// <summary>
/// What the lead pages show and start about a lead's booking. Owned by Leads and implemented by
/// Bookings (which depends on Leads), so Leads never depends on Bookings.
/// </summary>
public interface ILeadBookings
{
    /// <summary>Each lead's booking (the live one first, else the latest), one batch for many leads.</summary>
    Task<IReadOnlyDictionary<Guid, LeadBooking>> ForLeadsAsync(IEnumerable<Guid> leadIds, CancellationToken ct);

    /// <summary>The dialog that creates a booking for a lead: takes a <c>LeadId</c> parameter, returns the new booking's id.</summary>
    Type NewBookingDialog { get; }
}
