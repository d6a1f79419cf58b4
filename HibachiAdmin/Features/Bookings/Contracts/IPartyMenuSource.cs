namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>
/// Where the event sheet's menu comes from, without Bookings depending on the feature that prices parties
/// (Payments implements it from the accepted quote). No implementation, or no accepted quote: the booking's package.
/// </summary>
public interface IPartyMenuSource
{
    Task<PartyMenu?> AcceptedMenuAsync(Guid bookingId, CancellationToken ct);
}
