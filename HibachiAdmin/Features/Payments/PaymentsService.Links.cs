using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Payments;

public sealed partial class PaymentsService
{
    public const int MaxAcceptName = 100;

    /// <summary>A new customer link for a deposit or the balance (POST /api/v1/bookings/{id}/payment-links); 409 when nothing of it is due.</summary>
    public async Task<LinkResult> NewLinkAsync(Guid bookingId, string installment, Actor actor, string baseUrl, CancellationToken ct)
    {
        if (await bookings.GetMoneyAsync(bookingId, ct) is not { } booking)
        {
            return new LinkResult(null, NotFound: true);
        }
        if (Installments.DueNow(booking, installment, options.Value.DepositPercent) <= 0)
        {
            return new LinkResult(null, Conflict: $"No {installment} is due on this booking.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = AddLink(db, bookingId, installment, actor);
        await db.SaveChangesAsync(ct);
        return new LinkResult(Url(baseUrl, token));
    }

    /// <summary>Every link of the booking stops working at once (404).</summary>
    public async Task<int> RevokeLinksAsync(Guid bookingId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        return await db.Set<PayLink>().Where(l => l.BookingId == bookingId && l.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, now), ct);
    }

    public async Task<int> ActiveLinksAsync(Guid bookingId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        return await db.Set<PayLink>().CountAsync(l => l.BookingId == bookingId && l.RevokedAt == null && l.ExpiresAt > now, ct);
    }

    /// <summary>The customer's view for a token; null for a malformed, unknown, revoked or expired one (all answered 404 alike).</summary>
    public async Task<CustomerView?> OpenAsync(string? token, CancellationToken ct)
    {
        if (!PayTokens.IsWellFormed(token))
        {
            return null;
        }
        var hash = PayTokens.Hash(token!);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var link = await db.Set<PayLink>().AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, ct);
        if (link is null || link.RevokedAt is not null || link.ExpiresAt <= now || await bookings.GetMoneyAsync(link.BookingId, ct) is not { } booking)
        {
            return null;
        }
        var quote = booking.QuoteId is { } quoteId ? await db.Set<Quote>().AsNoTracking().FirstOrDefaultAsync(q => q.Id == quoteId, ct) : null;
        var next = Installments.Next(booking, options.Value.DepositPercent);
        return new CustomerView(link, booking, quote, quote is null ? [] : LinesOf(quote), next,
            next is null ? 0 : Installments.DueNow(booking, next, options.Value.DepositPercent));
    }

    /// <summary>
    /// The customer accepts the quote on screen: the evidence (name typed, time, network, browser) is kept on the quote
    /// and the booking records QuoteAccepted, together. Accepting again, or a quote replaced meanwhile, changes nothing.
    /// </summary>
    public async Task<(bool Ok, string? Error)> AcceptAsync(string token, Guid quoteId, string? name, string? network, string? userAgent, CancellationToken ct)
    {
        var cleaned = PersonNames.Clean(name);
        if (string.IsNullOrEmpty(cleaned) || cleaned.Length > MaxAcceptName)
        {
            return (false, "Type your name to accept.");
        }
        if (await OpenAsync(token, ct) is not { Quote: { } shown } view || shown.Id != quoteId)
        {
            return (false, "This quote was replaced by a newer one: read it and accept again.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var quote = await db.Set<Quote>().FirstAsync(q => q.Id == quoteId, ct);
        if (quote.AcceptedAt is not null)
        {
            return (true, null);
        }
        (quote.AcceptedAt, quote.AcceptedName, quote.AcceptedNetwork) = (Now, cleaned, network is { Length: > 64 } ? network[..64] : network);
        quote.AcceptedUserAgent = userAgent is { Length: > 512 } ? userAgent[..512] : userAgent;
        var outcome = await bookings.AcceptQuoteAsync(new CrossFeatureTransaction(db), view.Booking.Id, quote.Id, quote.Version, cleaned, ct);
        if (!outcome.Ok)
        {
            return (false, outcome.Conflict ?? outcome.Invalid ?? "This booking is no longer open.");
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return (false, "Something changed at the same time; reload the page and try again.");
        }
        signal.Committed();
        return (true, null);
    }

    /// <summary>
    /// A pay click: a fresh checkout for exactly what the booking owes now for the next installment (from our database;
    /// the request carries no amount). A quote must be accepted first when there is one.
    /// </summary>
    public async Task<LinkResult> StartCheckoutAsync(string token, string pageUrl, CancellationToken ct)
    {
        if (await OpenAsync(token, ct) is not { } view)
        {
            return new LinkResult(null, NotFound: true);
        }
        if (view.Quote is not null && view.Booking.QuoteAcceptedAt is null)
        {
            return new LinkResult(null, Conflict: "Accept the quote first.");
        }
        if (view.NextInstallment is not { } installment || view.DueNow <= 0)
        {
            return new LinkResult(null, Conflict: "Nothing is due on this booking.");
        }
        var attempt = new CheckoutAttempt
        {
            Id = Guid.CreateVersion7(), BookingId = view.Booking.Id, PayLinkId = view.Link.Id, Installment = installment, Amount = view.DueNow,
            Provider = checkout.Name, CreatedAt = Now,
        };
        var description = $"{Installments.Label(installment)} for your hibachi party on {Formats.LongDate(view.Booking.EventDate)}";
        CheckoutSession session;
        try
        {
            session = await checkout.CreateAsync(new CheckoutRequest(attempt.Id, attempt.BookingId, installment, attempt.Amount, description, pageUrl), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not open a {Provider} checkout for booking {BookingId}", checkout.Name, attempt.BookingId);
            return new LinkResult(null, Conflict: "The payment page could not be opened just now. Nothing was charged; try again in a minute.");
        }
        attempt.SessionId = session.SessionId;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Add(attempt);
        await db.SaveChangesAsync(ct);
        return new LinkResult(session.Url);
    }

    /// <summary>The sandbox checkout of a link: only a session made from this very link, still open.</summary>
    public async Task<CheckoutAttempt?> SandboxSessionAsync(CustomerView view, string? sessionId, CancellationToken ct)
    {
        if (sessionId is not { Length: > 0 and <= 200 })
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<CheckoutAttempt>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.SessionId == sessionId && a.PayLinkId == view.Link.Id && a.Provider == PaymentsOptions.Sandbox, ct);
    }

    /// <summary>Payments of a booking as Stripe reported them (refund and dispute included), newest first.</summary>
    public async Task<IReadOnlyList<Payment>> PaymentsAsync(Guid bookingId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Payment>().AsNoTracking().Where(p => p.BookingId == bookingId).OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
    }

    /// <summary>Asks the provider to refund (Manager+); recorded when its charge.refunded event arrives.</summary>
    public async Task<(bool Ok, string? Error, string? Field)> RefundAsync(Guid bookingId, Guid paymentId, decimal amount, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var payment = await db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId && p.BookingId == bookingId, ct);
        if (payment is null || payment.Status != PaymentStatus.Paid)
        {
            return (false, "No paid payment with this id on the booking.", "paymentId");
        }
        if (amount <= 0 || amount > payment.Amount - payment.Refunded)
        {
            return (false, $"Expected up to {Formats.Cents(payment.Amount - payment.Refunded)}, what is left of this payment.", "amount");
        }
        try
        {
            await checkout.RefundAsync(payment.PaymentIntentId, amount, Guid.NewGuid(), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The {Provider} refund of payment {PaymentId} failed", checkout.Name, payment.Id);
            return (false, $"The payment provider did not take the refund: {ex.Message}", null);
        }
        return (true, null, null);
    }
}
