using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;

namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>What other features see of a booking. <c>DepositPaid</c> is all the money kept so far: deposits recorded by hand plus online payments net of refunds.</summary>
public sealed record BookingSummary(Guid Id, Guid ContactId, DateTime RequestedAt, DateOnly EventDate, decimal Total, BookingStatus Status,
    Guid? LeadId = null, TimeOnly? EventTime = null, int GuestCount = 0, decimal DepositPaid = 0)
{
    public decimal BalanceDue => Status == BookingStatus.Cancelled ? 0 : Math.Max(0, Total - DepositPaid);

    /// <summary>Money actually collected on this booking, net of refunds (the same figure as <see cref="DepositPaid"/>).</summary>
    public decimal Collected => DepositPaid;
}
