using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Bookings;

/// <summary>The booking's money commands, run inside another feature's transaction (<see cref="IBookingMoney"/>).</summary>
public sealed partial class BookingService : IBookingMoney
{
    public async Task<BookingMoney?> GetMoneyAsync(Guid bookingId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Set<BookingRow>().AsNoTracking().Include(r => r.PaymentRows).Include(r => r.ChefRows).FirstOrDefaultAsync(r => r.Id == bookingId, ct);
        return row is null ? null : ToMoney(row);
    }

    public async Task<IReadOnlyList<BookingMoney>> BalancesDueAsync(DateOnly dueBy, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<BookingRow>().AsNoTracking().Include(r => r.PaymentRows).Include(r => r.ChefRows)
            .Where(r => r.BalanceDueDate != null && r.BalanceDueDate <= dueBy && (r.Status == BookingStatus.Requested || r.Status == BookingStatus.Confirmed)
                        && r.Total > r.DepositPaid + r.PaidOnline)
            .OrderBy(r => r.BalanceDueDate).ToListAsync(ct);
        return rows.Select(ToMoney).ToList();
    }

    internal static BookingMoney ToMoney(BookingRow row) => new(
        row.Id, row.ContactId, row.LeadId, row.Status, row.EventDate, row.EventTime, row.GuestCount, row.PricePerPerson, row.Address, row.Zip, row.Package,
        row.Total, row.DepositDue, row.AmountPaid, row.BalanceDueDate, row.QuoteId, row.QuoteVersion, row.QuoteAcceptedAt, row.Disputed, row.Payments ?? []);

    public Task<MoneyOutcome> SendQuoteAsync(CrossFeatureTransaction tx, Guid bookingId, QuoteTerms terms, Actor actor, CancellationToken ct) =>
        AppendInAsync(tx, bookingId, b => b.SendQuote(new QuoteSent(terms.QuoteId, terms.QuoteVersion, terms.Total, terms.Deposit, terms.BalanceDueDate)), actor, ct);

    public Task<MoneyOutcome> AcceptQuoteAsync(CrossFeatureTransaction tx, Guid bookingId, Guid quoteId, int quoteVersion, string acceptedBy, CancellationToken ct) =>
        AppendInAsync(tx, bookingId, b => b.AcceptQuote(quoteId, quoteVersion, acceptedBy), new Actor("customer"), ct);

    public Task<MoneyOutcome> RecordPaymentAsync(CrossFeatureTransaction tx, Guid bookingId, ReceivedPayment payment, CancellationToken ct) =>
        AppendInAsync(tx, bookingId, b => b.RecordPayment(new PaymentReceived(payment.PaymentId, payment.Installment, payment.Amount, payment.CheckoutSessionId)), new Actor("stripe"), ct);

    public Task<MoneyOutcome> RecordRefundAsync(CrossFeatureTransaction tx, Guid bookingId, string paymentId, decimal refundedTotal, CancellationToken ct) =>
        AppendInAsync(tx, bookingId, b => b.RecordRefund(paymentId, refundedTotal), new Actor("stripe"), ct);

    public Task<MoneyOutcome> RecordDisputeAsync(CrossFeatureTransaction tx, Guid bookingId, string paymentId, decimal amount, string? reason, CancellationToken ct) =>
        AppendInAsync(tx, bookingId, b => b.RecordDispute(paymentId, amount, reason), new Actor("stripe"), ct);

    /// <summary>
    /// Decides on the stream as the caller's transaction sees it (stored events plus those it appended and has not
    /// saved yet, e.g. an earlier Stripe event of the same batch), then appends and projects in that transaction.
    /// </summary>
    private async Task<MoneyOutcome> AppendInAsync(CrossFeatureTransaction tx, Guid id, Func<Booking, Decision> command, Actor actor, CancellationToken ct)
    {
        var db = tx.Db;
        var stored = await EventStore.ReadStreamAsync(db, id, ct);
        var pending = db.ChangeTracker.Entries<StoredEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.StreamId == id).Select(e => e.Entity).OrderBy(e => e.Version).ToList();
        var events = stored.Concat(pending).ToList();
        if (events.Count == 0)
        {
            return new MoneyOutcome(NotFound: true);
        }
        var booking = Booking.FromEvents(id, events);
        var decision = command(booking);
        if (decision.Invalid is not null || decision.Conflict is not null)
        {
            return new MoneyOutcome(Invalid: decision.Invalid, Conflict: decision.Conflict, Field: decision.Field);
        }
        if (decision.Events.Count == 0)
        {
            return new MoneyOutcome();
        }
        var appended = store.Append(db, id, BookingEventTypes.StreamType, booking.Version, decision.Events, new EventMetadata(actor.Name, Guid.NewGuid()));
        var row = db.Set<BookingRow>().Local.FirstOrDefault(r => r.Id == id)
                  ?? await db.Set<BookingRow>().Include(r => r.PaymentRows).Include(r => r.ChefRows).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null)
        {
            row = new BookingRow { Id = id };
            db.Add(row);
        }
        foreach (var e in appended)
        {
            BookingProjection.Apply(row, e.EventType, e.Data, e.Version, e.At);
        }
        // The owner signals the outbox after its commit; open pages hear of it when that commit happens.
        changes.AfterCommit(db, id);
        return new MoneyOutcome(Appended: appended.Count);
    }
}
