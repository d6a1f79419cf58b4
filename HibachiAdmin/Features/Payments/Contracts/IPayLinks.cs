using HibachiAdmin.Common;

namespace HibachiAdmin.Features.Payments.Contracts;

/// <summary>Pay links other features put in front of a customer (the inbox composer), for what the booking owes next.</summary>
public interface IPayLinks
{
    /// <summary>A new link for the booking's next installment and a message offering it; null when nothing is due.</summary>
    Task<PayLinkOffer?> OfferAsync(Guid bookingId, string baseUrl, Actor actor, CancellationToken ct);
}
