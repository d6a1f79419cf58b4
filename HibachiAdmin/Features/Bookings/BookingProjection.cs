using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Bookings;

/// <summary>Applies booking events to <see cref="BookingRow"/>; used live (same transaction as the append) and by replay.</summary>
public static class BookingProjection
{
    public static void Apply(BookingRow row, string type, string json, int version, DateTime at)
    {
        var o = EventStore.Json;
        switch (type)
        {
            case BookingEventTypes.Requested:
                var r = System.Text.Json.JsonSerializer.Deserialize<BookingRequested>(json, o)!;
                row.ContactId = r.ContactId;
                row.LeadId = r.LeadId;
                row.EventDate = r.EventDate;
                row.EventTime = r.EventTime;
                row.GuestCount = r.GuestCount;
                row.PricePerPerson = r.PricePerPerson;
                row.Total = r.GuestCount * r.PricePerPerson;
                row.Address = r.Address;
                row.Zip = r.Zip;
                row.Package = r.Package;
                row.Notes = r.Notes;
                row.Status = BookingStatus.Requested;
                row.CreatedAt = at;
                break;
            case BookingEventTypes.Deposit:
                row.DepositPaid += System.Text.Json.JsonSerializer.Deserialize<DepositRecorded>(json, o)!.Amount;
                break;
            case BookingEventTypes.Confirmed:
                row.Status = BookingStatus.Confirmed;
                break;
            case BookingEventTypes.Rescheduled:
                var re = System.Text.Json.JsonSerializer.Deserialize<BookingRescheduled>(json, o)!;
                row.EventDate = re.EventDate;
                row.EventTime = re.EventTime;
                break;
            case BookingEventTypes.Completed:
                row.Status = BookingStatus.Completed;
                break;
            case BookingEventTypes.Cancelled:
                row.Status = BookingStatus.Cancelled;
                row.CancelReason = System.Text.Json.JsonSerializer.Deserialize<BookingCancelled>(json, o)!.Reason;
                break;
            case BookingEventTypes.QuoteSent:
                var q = System.Text.Json.JsonSerializer.Deserialize<QuoteSent>(json, o)!;
                (row.Total, row.DepositDue, row.BalanceDueDate, row.QuoteId, row.QuoteVersion, row.QuoteAcceptedAt) = (q.Total, q.Deposit, q.BalanceDueDate, q.QuoteId, q.QuoteVersion, null);
                break;
            case BookingEventTypes.QuoteAccepted:
                row.QuoteAcceptedAt = at;
                break;
            case BookingEventTypes.PaymentReceived:
                var p = System.Text.Json.JsonSerializer.Deserialize<PaymentReceived>(json, o)!;
                row.PaymentRows.Add(new BookingPayment
                {
                    BookingId = row.Id, PaymentId = p.PaymentId, Installment = p.Installment, Amount = p.Amount,
                    CheckoutSessionId = p.CheckoutSessionId, PaidAt = at,
                });
                row.PaidOnline += p.Amount;
                break;
            case BookingEventTypes.PaymentRefunded:
                var rf = System.Text.Json.JsonSerializer.Deserialize<PaymentRefunded>(json, o)!;
                if (row.PaymentRows.FirstOrDefault(x => x.PaymentId == rf.PaymentId) is { } refunded)
                {
                    refunded.Refunded = rf.RefundedTotal;
                }
                row.PaidOnline -= rf.Amount;
                row.Refunded += rf.Amount;
                break;
            case BookingEventTypes.ChefAssigned:
                var ca = System.Text.Json.JsonSerializer.Deserialize<ChefAssigned>(json, o)!;
                if (row.ChefRows.All(c => c.ChefId != ca.ChefId))
                {
                    row.ChefRows.Add(new BookingChef { BookingId = row.Id, ChefId = ca.ChefId, ChefName = ca.ChefName, AssignedAt = at });
                }
                break;
            case BookingEventTypes.ChefUnassigned:
                var cu = System.Text.Json.JsonSerializer.Deserialize<ChefUnassigned>(json, o)!;
                row.ChefRows.RemoveAll(c => c.ChefId == cu.ChefId);
                break;
            case BookingEventTypes.PaymentDisputed:
                var d = System.Text.Json.JsonSerializer.Deserialize<PaymentDisputed>(json, o)!;
                if (row.PaymentRows.FirstOrDefault(x => x.PaymentId == d.PaymentId) is { } disputed)
                {
                    disputed.Disputed = true;
                }
                row.Disputed = true;
                break;
        }
        // Paid in full from the moment the money kept first covers the total; a refund below it reopens the balance.
        row.PaidInFullAt = row.Total > 0 && row.AmountPaid >= row.Total ? row.PaidInFullAt ?? at : null;
        row.Version = version;
        row.UpdatedAt = at;
    }

    /// <summary>Rebuilds every booking row from the event store. Side-effect handlers are not involved.</summary>
    public static async Task<(int Streams, int Events)> ReplayAsync(IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<BookingPayment>().ExecuteDeleteAsync(ct);
        await db.Set<BookingChef>().ExecuteDeleteAsync(ct);
        await db.Set<BookingRow>().ExecuteDeleteAsync(ct);
        // Each stream's events in version order (rows are keyed by stream, so streams may interleave).
        var events = await db.Set<StoredEvent>().AsNoTracking().Where(e => e.StreamType == BookingEventTypes.StreamType)
            .OrderBy(e => e.Version).ToListAsync(ct);
        var rows = new Dictionary<Guid, BookingRow>();
        foreach (var e in events)
        {
            if (!rows.TryGetValue(e.StreamId, out var row))
            {
                rows[e.StreamId] = row = new BookingRow { Id = e.StreamId };
            }
            Apply(row, e.EventType, e.Data, e.Version, e.At);
        }
        db.AddRange(rows.Values);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (rows.Count, events.Count);
    }
}
