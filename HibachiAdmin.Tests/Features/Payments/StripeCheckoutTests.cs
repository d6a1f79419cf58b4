using System.Collections.Concurrent;
using HibachiAdmin.Features.Payments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Tests.Features.Payments;

/// <summary>
/// Payments:Provider=Stripe against a loopback Stripe API (Stripe.net 53.1.0 as shipped): each pay click creates a
/// fresh Checkout Session for exactly what is due, in cents, with the booking and installment in metadata and an
/// idempotency key per attempt; a refund goes to /v1/refunds; Stripe refusing answers with a message, never a 5xx.
/// </summary>
public sealed class StripeCheckoutTests
{
    private sealed record Call(string Path, string? IdempotencyKey, string? Authorization, Dictionary<string, string> Form);

    private static async Task<(WebApplication Fake, ConcurrentQueue<Call> Calls)> FakeStripeAsync(int status = 200)
    {
        var calls = new ConcurrentQueue<Call>();
        var fake = await LoopbackServer.StartAsync(app => app.MapPost("/v1/{**path}", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            calls.Enqueue(new Call(http.Request.Path, http.Request.Headers["Idempotency-Key"].ToString(), http.Request.Headers.Authorization.ToString(),
                form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            if (status != 200)
            {
                return Results.Json(new { error = new { type = "invalid_request_error", message = "Your account cannot currently make live charges." } }, statusCode: status);
            }
            return http.Request.Path.Value!.Contains("refunds", StringComparison.Ordinal)
                ? Results.Json(new { id = "re_fake", @object = "refund", amount = long.Parse(form["amount"].ToString(), System.Globalization.CultureInfo.InvariantCulture), status = "pending" })
                : Results.Json(new { id = $"cs_test_fake_{calls.Count}", @object = "checkout.session", url = $"https://checkout.stripe.com/c/pay/cs_test_fake_{calls.Count}" });
        }));
        return (fake, calls);
    }

    private static MoneyTestApp StripeApp(WebApplication fake) => new MoneyTestAppWith(fake.Url());

    [Fact]
    public async Task Each_click_makes_a_fresh_session_for_the_amount_due_with_metadata_and_its_own_idempotency_key()
    {
        var (fake, calls) = await FakeStripeAsync();
        await using var _ = fake;
        await using var m = StripeApp(fake);
        var party = await m.PartyAsync();
        var (quote, token) = await m.QuoteAsync(party.BookingId);
        Assert.True((await m.Payments.AcceptAsync(token, quote.Id, "Pat Money", null, null, default)).Ok);

        var first = await m.Payments.StartCheckoutAsync(token, "https://hibachi.test/p/" + token, default);
        var second = await m.Payments.StartCheckoutAsync(token, "https://hibachi.test/p/" + token, default);
        Assert.Equal("https://checkout.stripe.com/c/pay/cs_test_fake_1", first.Url);
        Assert.Equal("https://checkout.stripe.com/c/pay/cs_test_fake_2", second.Url);

        var call = calls.First();
        Assert.Equal("/v1/checkout/sessions", call.Path);
        Assert.Equal("Bearer sk_test_fake", call.Authorization);
        var attempts = await m.DbAsync(db => db.Set<CheckoutAttempt>().OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync());
        Assert.Equal(2, attempts.Count);
        Assert.Equal($"checkout:{attempts[0].Id}", call.IdempotencyKey);
        Assert.NotEqual(call.IdempotencyKey, calls.Last().IdempotencyKey);
        Assert.Equal("payment", call.Form["mode"]);
        Assert.Equal("usd", call.Form["line_items[0][price_data][currency]"]);
        Assert.Equal("38063", call.Form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("1", call.Form["line_items[0][quantity]"]);
        Assert.Equal("Deposit for your hibachi party on Saturday, December 19, 2026", call.Form["line_items[0][price_data][product_data][name]"]);
        Assert.Equal(party.BookingId.ToString(), call.Form["metadata[bookingId]"]);
        Assert.Equal("deposit", call.Form["metadata[installment]"]);
        Assert.Equal(party.BookingId.ToString(), call.Form["payment_intent_data[metadata][bookingId]"]);
        Assert.Equal("deposit", call.Form["payment_intent_data[metadata][installment]"]);
        Assert.Equal($"https://hibachi.test/p/{token}?paid=1", call.Form["success_url"]);
        Assert.Equal($"https://hibachi.test/p/{token}?cancelled=1", call.Form["cancel_url"]);
        Assert.Equal(["cs_test_fake_1", "cs_test_fake_2"], attempts.Select(a => a.SessionId));
    }

    [Fact]
    public async Task A_refund_is_asked_of_Stripe_in_cents_and_recorded_only_by_its_event()
    {
        var (fake, calls) = await FakeStripeAsync();
        await using var _ = fake;
        await using var m = StripeApp(fake);
        var party = await m.PartyAsync();
        await m.PostEventAsync(MoneyTestApp.Completed("evt_sr1", party.BookingId, "deposit", 30_000, "pi_live_1"));
        await m.RunAsync();
        var payment = Assert.Single(await m.Payments.PaymentsAsync(party.BookingId, default));
        var (ok, error, _) = await m.Payments.RefundAsync(party.BookingId, payment.Id, 50.25m, default);
        Assert.True(ok, error);
        var call = Assert.Single(calls);
        Assert.Equal(("/v1/refunds", "pi_live_1", "5025"), (call.Path, call.Form["payment_intent"], call.Form["amount"]));
        Assert.StartsWith("refund:", call.IdempotencyKey, StringComparison.Ordinal);
        Assert.Equal(300m, (await m.RowAsync(party.BookingId)).AmountPaid); // not until Stripe's charge.refunded
    }

    [Fact]
    public async Task When_Stripe_refuses_the_customer_gets_a_message_and_nothing_is_stored()
    {
        var (fake, _) = await FakeStripeAsync(status: 400);
        await using var __ = fake;
        await using var m = StripeApp(fake);
        var party = await m.PartyAsync();
        var (quote, token) = await m.QuoteAsync(party.BookingId);
        Assert.True((await m.Payments.AcceptAsync(token, quote.Id, "Pat Money", null, null, default)).Ok);
        var result = await m.Payments.StartCheckoutAsync(token, "https://hibachi.test/p/" + token, default);
        Assert.Null(result.Url);
        Assert.Contains("could not be opened", result.Conflict, StringComparison.Ordinal);
        Assert.Equal(0, await m.DbAsync(db => db.Set<CheckoutAttempt>().CountAsync()));
    }

    private sealed class MoneyTestAppWith(string apiBase) : MoneyTestApp(provider: "Stripe", apiBase: apiBase);
}
