using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Payments;

/// <summary>The event sheet's menu (a Bookings contract): the guests and add-on lines of the booking's latest accepted quote.</summary>
public sealed class AcceptedQuoteMenu(IDbContextFactory<AppDbContext> dbFactory) : IPartyMenuSource
{
    public async Task<PartyMenu?> AcceptedMenuAsync(Guid bookingId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var quote = await db.Set<Quote>().AsNoTracking().Where(q => q.BookingId == bookingId && q.AcceptedAt != null)
            .OrderByDescending(q => q.Version).FirstOrDefaultAsync(ct);
        if (quote is null)
        {
            return null;
        }
        var lines = PaymentsService.LinesOf(quote).Where(l => l.Kind is QuoteLineKind.Guests or QuoteLineKind.AddOn)
            .Select(l => new PartyMenuLine(l.Label, l.Quantity, l.Kind == QuoteLineKind.AddOn)).ToList();
        return new PartyMenu(quote.Version, quote.Adults, quote.Children, lines);
    }
}
