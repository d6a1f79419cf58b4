using System.Text;
using System.Text.Json;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Payments;

/// <summary>
/// The sandbox payment provider (<c>Payments:Provider=Sandbox</c>, the default): checkout sessions are rows shown by
/// the customer's page as a test checkout (pay, decline, cancel); paying or refunding sends an event of Stripe's
/// exact shape, signed with the webhook secret the same way, through the same receiver as Stripe's webhook, so the
/// whole loop runs with no account.
/// </summary>
public sealed class SandboxStripe(IDbContextFactory<AppDbContext> dbFactory, StripeWebhookReceiver receiver, StripeWebhookSecret secrets, TimeProvider time) : ICheckoutProvider
{
    public string Name => PaymentsOptions.Sandbox;

    public Task<CheckoutSession> CreateAsync(CheckoutRequest request, CancellationToken ct)
    {
        var id = "cs_test_" + request.AttemptId.ToString("N");
        return Task.FromResult(new CheckoutSession(id, request.PageUrl + "?checkout=" + id));
    }

    /// <summary>The customer paid in the test checkout: the session completes once (a second press sends nothing new).</summary>
    public async Task<bool> PayAsync(string sessionId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attempt = await db.Set<CheckoutAttempt>().AsNoTracking().FirstOrDefaultAsync(a => a.SessionId == sessionId && a.Provider == PaymentsOptions.Sandbox, ct);
        if (attempt is null)
        {
            return false;
        }
        // Claimed in one statement: only the first press moves it on.
        await db.Set<CheckoutAttempt>().Where(a => a.Id == attempt.Id && a.State == "open").ExecuteUpdateAsync(s => s.SetProperty(a => a.State, "completed"), ct);
        var key = attempt.Id.ToString("N");
        // The same event id for the same session: a redelivery is one event to the webhook.
        var completed = Event("evt_test_cs_" + key, "checkout.session.completed", new Dictionary<string, object?>
        {
            ["id"] = attempt.SessionId,
            ["object"] = "checkout.session",
            ["amount_subtotal"] = ToCents(attempt.Amount),
            ["amount_total"] = ToCents(attempt.Amount),
            ["client_reference_id"] = attempt.BookingId.ToString(),
            ["currency"] = "usd",
            ["livemode"] = false,
            ["metadata"] = new Dictionary<string, string>
            {
                ["bookingId"] = attempt.BookingId.ToString(), ["installment"] = attempt.Installment, ["attemptId"] = attempt.Id.ToString(),
            },
            ["mode"] = "payment",
            ["payment_intent"] = "pi_test_" + key,
            ["payment_status"] = "paid",
            ["status"] = "complete",
        });
        return await DeliverAsync(completed, ct);
    }

    /// <summary>The test card was declined or the customer left: the session stays unpaid and no event is sent (as Stripe does).</summary>
    public async Task<bool> CloseAsync(string sessionId, string state, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<CheckoutAttempt>().Where(a => a.SessionId == sessionId && a.Provider == PaymentsOptions.Sandbox && a.State == "open")
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.State, state), ct) > 0;
    }

    public async Task RefundAsync(string paymentIntentId, decimal amount, Guid refundRequestId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var payment = await db.Set<Payment>().AsNoTracking().FirstOrDefaultAsync(p => p.PaymentIntentId == paymentIntentId, ct)
                      ?? throw new InvalidOperationException("No such payment.");
        var refunded = Math.Min(payment.Amount, payment.Refunded + amount);
        var refund = Event("evt_test_rf_" + refundRequestId.ToString("N"), "charge.refunded", new Dictionary<string, object?>
        {
            ["id"] = "ch_test_" + paymentIntentId.Replace("pi_test_", "", StringComparison.Ordinal),
            ["object"] = "charge",
            ["amount"] = ToCents(payment.Amount),
            ["amount_captured"] = ToCents(payment.Amount),
            ["amount_refunded"] = ToCents(refunded),
            ["currency"] = "usd",
            ["paid"] = true,
            ["payment_intent"] = paymentIntentId,
            ["refunded"] = refunded >= payment.Amount,
            ["status"] = "succeeded",
        });
        if (!await DeliverAsync(refund, ct))
        {
            throw new InvalidOperationException("The sandbox could not deliver the refund event.");
        }
    }

    public static long ToCents(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);

    /// <summary>An event as Stripe sends it (API version, created, data.object, livemode, pending webhooks, request).</summary>
    public string Event(string id, string type, object dataObject) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["id"] = id,
        ["object"] = "event",
        ["api_version"] = "2025-09-30.clover",
        ["created"] = time.GetUtcNow().ToUnixTimeSeconds(),
        ["data"] = new Dictionary<string, object?> { ["object"] = dataObject },
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new Dictionary<string, object?> { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
    });

    /// <summary>Signs the bytes with the webhook secret (<c>t=…,v1=…</c>) and hands them to the webhook's own receiver.</summary>
    public async Task<bool> DeliverAsync(string json, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var secret = await secrets.GetAsync(ct) ?? throw new InvalidOperationException("No webhook secret.");
        var header = StripeSignature.Sign(body, secret, time.GetUtcNow().ToUnixTimeSeconds());
        return (await receiver.ReceiveAsync(body, header, isJson: true, ct)).Status == 200;
    }
}
