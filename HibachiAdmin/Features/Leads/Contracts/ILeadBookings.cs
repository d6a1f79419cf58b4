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

    /// <summary>
    /// "Quote" on a lead: its live booking (requested or confirmed), else a booking requested now from the lead's facts (customer,
    /// date, guests, place, occasion; the usual price per person) when they are enough (a date from today on, guests). Null when
    /// they are not: the caller opens <see cref="NewBookingDialog"/> to fill them in.
    /// </summary>
    Task<Guid?> StartQuoteAsync(Guid leadId, Common.Actor actor, CancellationToken ct);

    /// <summary>The booking page with its quote editor open.</summary>
    string QuotePath(Guid bookingId);
}
