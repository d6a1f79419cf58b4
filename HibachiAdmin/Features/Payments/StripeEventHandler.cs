using System.Text.Json;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Payments;

/// <summary>
/// Applies stored Stripe events inside the inbound batch, in any order and any number of times. Each event only
/// merges what it knows into the payment's row (keyed on the payment intent): the checkout gives the booking,
/// installment and amount; async success or failure the status; <c>charge.refunded</c> the refunded total
/// (cumulative, so the larger wins); a dispute its flag. Then the booking is brought level with the row
/// (payment, refunded total, dispute), each step recorded once by the booking itself. A refund or dispute that
/// arrives before its checkout waits on the row and is applied when the checkout arrives.
/// </summary>
public sealed class StripeEventHandler(IBookingMoney bookings, TimeProvider time) : IProviderEventHandler
{
    public string Provider => StripeWebhookReceiver.Provider;

    public async Task<string> HandleAsync(CrossFeatureTransaction tx, string externalId, JsonElement payload, CancellationToken ct)
    {
        var type = Text(payload, "type") ?? "";
        if (!payload.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("object", out var obj) || obj.ValueKind != JsonValueKind.Object)
        {
            return "ignored: no data.object";
        }
        var intent = Text(obj, "payment_intent");
        switch (type)
        {
            case "checkout.session.completed" or "checkout.session.async_payment_succeeded" or "checkout.session.async_payment_failed":
            {
                var session = Text(obj, "id");
                var metadata = obj.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
                if (!Guid.TryParse(metadata.ValueKind == JsonValueKind.Object ? Text(metadata, "bookingId") : null, out var bookingId)
                    || (metadata.ValueKind == JsonValueKind.Object ? Text(metadata, "installment") : null) is not { } installment || !Installments.IsKnown(installment))
                {
                    return "ignored: no bookingId/installment metadata (not one of our checkouts)";
                }
                if (Cents(obj, "amount_total") is not { } amount || amount <= 0)
                {
                    return "ignored: no amount_total";
                }
                var payment = await RowAsync(tx.Db, intent ?? session ?? externalId, ct);
                payment.CheckoutSessionId ??= session;
                payment.BookingId ??= bookingId;
                payment.Installment ??= installment;
                payment.Amount = amount;
                var paid = type == "checkout.session.async_payment_succeeded"
                           || (type == "checkout.session.completed" && Text(obj, "payment_status") == "paid");
                if (paid)
                {
                    payment.Status = PaymentStatus.Paid;
                    payment.PaidAt ??= Now;
                }
                else if (type == "checkout.session.async_payment_failed" && payment.Status != PaymentStatus.Paid)
                {
                    payment.Status = PaymentStatus.Failed;
                }
                return await LevelAsync(tx, payment, type, ct);
            }
            case "charge.refunded":
            {
                if (intent is null || Cents(obj, "amount_refunded") is not { } refunded)
                {
                    return "ignored: no payment_intent or amount_refunded";
                }
                var payment = await RowAsync(tx.Db, intent, ct);
                payment.Refunded = Math.Max(payment.Refunded, refunded);
                return await LevelAsync(tx, payment, type, ct);
            }
            case "charge.dispute.created":
            {
                if (intent is null)
                {
                    return "ignored: no payment_intent";
                }
                var payment = await RowAsync(tx.Db, intent, ct);
                payment.Disputed = true;
                payment.DisputeReason ??= Text(obj, "reason") is { } reason ? reason[..Math.Min(reason.Length, 100)] : null;
                return await LevelAsync(tx, payment, type, ct);
            }
            default:
                return $"ignored: {(type.Length > 80 ? type[..80] : type)}";
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The payment's row as this batch sees it (one added earlier in the batch included).</summary>
    private async Task<Payment> RowAsync(AppDbContext db, string intent, CancellationToken ct)
    {
        var row = db.Set<Payment>().Local.FirstOrDefault(p => p.PaymentIntentId == intent)
                  ?? await db.Set<Payment>().FirstOrDefaultAsync(p => p.PaymentIntentId == intent, ct);
        if (row is null)
        {
            row = new Payment { Id = Guid.CreateVersion7(), PaymentIntentId = intent, CreatedAt = Now };
            db.Add(row);
        }
        row.UpdatedAt = Now;
        return row;
    }

    /// <summary>Brings the booking level with what is known of the payment; each step is a no-op when already recorded.</summary>
    private async Task<string> LevelAsync(CrossFeatureTransaction tx, Payment payment, string type, CancellationToken ct)
    {
        if (payment.BookingId is not { } bookingId || payment.Status != PaymentStatus.Paid)
        {
            return $"{type}: kept on the payment ({payment.Status.ToString().ToLowerInvariant()}, booking {(payment.BookingId is null ? "not known yet" : "known")})";
        }
        var received = await bookings.RecordPaymentAsync(tx, bookingId, new ReceivedPayment(payment.PaymentIntentId, payment.Installment ?? Installments.Deposit, payment.Amount, payment.CheckoutSessionId), ct);
        if (received.NotFound)
        {
            return $"{type}: ignored, no booking {bookingId}";
        }
        var steps = received.Appended;
        if (payment.Refunded > 0)
        {
            steps += (await bookings.RecordRefundAsync(tx, bookingId, payment.PaymentIntentId, payment.Refunded, ct)).Appended;
        }
        if (payment.Disputed)
        {
            steps += (await bookings.RecordDisputeAsync(tx, bookingId, payment.PaymentIntentId, payment.Amount, payment.DisputeReason, ct)).Appended;
        }
        return $"{type}: applied ({steps} booking events)";
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>An amount in cents as dollars; null when absent, not a whole number, or out of range.</summary>
    private static decimal? Cents(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var cents) && cents is >= 0 and <= 100_000_000
            ? cents / 100m : null;
}
