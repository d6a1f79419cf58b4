using HibachiAdmin.Common;
using HibachiAdmin.Features.Payments.Contracts;

namespace HibachiAdmin.Features.Payments;

public sealed partial class PaymentsService : IPayLinks
{
    public async Task<PayLinkOffer?> OfferAsync(Guid bookingId, string baseUrl, Actor actor, CancellationToken ct)
    {
        if (await bookings.GetMoneyAsync(bookingId, ct) is not { } booking || Installments.Next(booking, options.Value.DepositPercent) is not { } installment)
        {
            return null;
        }
        var due = Installments.DueNow(booking, installment, options.Value.DepositPercent);
        var link = await NewLinkAsync(bookingId, installment, actor, PublicUrls.Base(baseUrl, configuration), ct);
        if (link.Url is not { } url)
        {
            return null;
        }
        var what = installment == Installments.Deposit ? $"the deposit of {Formats.Cents(due)} to hold {formats.ShortDate(booking.EventDate)}" : $"the balance of {Formats.Cents(due)} for your party on {formats.ShortDate(booking.EventDate)}";
        return new PayLinkOffer(installment, due, url, $"Here is the link to pay {what}: {url}");
    }
}
