using HibachiAdmin.Common;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Payments;

public sealed partial class PaymentsService
{
    /// <summary>
    /// Text-to-pay from the booking: a new link for the installment, texted to the customer as a transactional text
    /// (an opt-out refuses it; inside the customer's quiet hours it is refused with the time it may go), once per link.
    /// </summary>
    public async Task<LinkResult> TextLinkAsync(Guid bookingId, string installment, Actor actor, string baseUrl, CancellationToken ct)
    {
        if (await bookings.GetMoneyAsync(bookingId, ct) is not { } booking)
        {
            return new LinkResult(null, NotFound: true);
        }
        var due = Installments.DueNow(booking, installment, options.Value.DepositPercent);
        if (due <= 0)
        {
            return new LinkResult(null, Conflict: $"No {installment} is due on this booking.");
        }
        if ((await contacts.GetSummaryAsync(booking.ContactId, ct))?.Phone is not { } phone)
        {
            return new LinkResult(null, Conflict: "The customer has no phone number.");
        }
        var now = Now;
        // The party's state counts too: the strictest of every place the customer may be.
        var allowed = await sms.EarliestAllowedSendTimeAsync(phone, SmsPurpose.Transactional, now, UsZipStates.Of(booking.Address, booking.Zip), ct);
        if (allowed > now)
        {
            return new LinkResult(null, Conflict: $"It is quiet hours for this customer: texts may go from {formats.When(allowed)}.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = AddLink(db, bookingId, installment, actor);
        await db.SaveChangesAsync(ct);
        var url = Url(baseUrl, token);
        var business = configuration["Business:Name"] ?? "Hibachi";
        var text = $"{business}: your {installment} of {Formats.Cents(due)} for the party on {formats.ShortDate(booking.EventDate)}: {url} Reply STOP to opt out.";
        var sent = await sms.SendAsync(new OutboundSms(booking.ContactId, phone, text, SmsPurpose.Transactional, $"pay-link:{PayTokens.Hash(token)[..32]}"), ct);
        return sent.Accepted ? new LinkResult(url) : new LinkResult(null, Conflict: $"The text was not sent ({sent.RefusedReason}).");
    }
}
