using System.Net;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Payments;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Tests.Features.Payments;

/// <summary>
/// POST /api/v1/stripe/webhooks (CONTRACT.md): signature checked before anything is stored, 5-minute tolerance,
/// idempotent on the event id; Stripe's events in any order and any number of times end in one state.
/// </summary>
public sealed class StripeWebhookTests
{
    private static Task<int> StoredAsync(MoneyTestApp m) => m.DbAsync(db => db.Set<InboundEvent>().CountAsync(e => e.Provider == "stripe"));

    [Fact]
    public async Task Only_a_correctly_signed_recent_event_is_stored_and_a_redelivery_is_stored_once()
    {
        await using var m = new MoneyTestApp();
        var json = MoneyTestApp.Completed("evt_auth_1", Guid.NewGuid(), "deposit", 10_000, "pi_auth_1");
        Assert.Equal(HttpStatusCode.Unauthorized, await m.PostEventAsync(json, secret: "whsec_wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, await m.PostEventAsync(json, at: m.Time.GetUtcNow().AddSeconds(-301)));
        Assert.Equal(HttpStatusCode.Unauthorized, await m.PostEventAsync(json, header: ""));
        Assert.Equal(HttpStatusCode.Unauthorized, await m.PostEventAsync(json, header: "t=1,v1=" + new string('0', 64)));
        Assert.Equal(0, await StoredAsync(m));

        Assert.Equal(HttpStatusCode.OK, await m.PostEventAsync(json, at: m.Time.GetUtcNow().AddSeconds(-299)));
        Assert.Equal(HttpStatusCode.OK, await m.PostEventAsync(json));
        Assert.Equal(1, await StoredAsync(m));
    }

    [Fact]
    public async Task A_signed_body_that_is_not_an_event_is_a_400_and_stores_nothing()
    {
        await using var m = new MoneyTestApp();
        Assert.Equal(HttpStatusCode.BadRequest, await m.PostEventAsync("""{"type":"checkout.session.completed"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, await m.PostEventAsync("""{"id":5,"type":"x"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, await m.PostEventAsync("""[1,2]"""));
        Assert.Equal(HttpStatusCode.BadRequest, await m.PostEventAsync("""{"id":"evt_1","type":"x" """));
        Assert.Equal(0, await StoredAsync(m));
    }

    [Fact]
    public async Task With_Stripe_and_no_webhook_secret_the_webhook_refuses_with_503()
    {
        await using var m = new MoneyTestApp(provider: "Stripe", secret: null);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await m.PostEventAsync(MoneyTestApp.Completed("evt_x", Guid.NewGuid(), "deposit", 100, "pi_x")));
        Assert.Equal(0, await StoredAsync(m));
    }

    [Fact]
    public async Task In_the_sandbox_without_a_configured_secret_a_generated_one_signs_and_checks()
    {
        await using var m = new MoneyTestApp(secret: null);
        var party = await m.PartyAsync();
        var (quote, token) = await m.QuoteAsync(party.BookingId);
        await m.AcceptAndPayAsync(token, quote.Id);
        await m.RunAsync();
        Assert.Equal(BookingStatus.Confirmed, (await m.RowAsync(party.BookingId)).Status);
        // The generated secret is not a secret anyone else knows: ours does not pass.
        Assert.Equal(HttpStatusCode.Unauthorized, await m.PostEventAsync(MoneyTestApp.Completed("evt_y", party.BookingId, "balance", 100, "pi_y")));
    }

    /// <summary>Deposit 300.00, then 50.00 refunded, then the rest of it, then a dispute; delivered in the given order, each twice.</summary>
    public static TheoryData<string> Orders() => ["0123", "3210", "2031", "1302", "3120"];

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Events_in_any_order_and_twice_end_in_the_same_state(string order)
    {
        await using var m = new MoneyTestApp();
        var party = await m.PartyAsync();
        var intent = "pi_order_" + order;
        string[] events =
        [
            MoneyTestApp.Completed("evt_c_" + order, party.BookingId, "deposit", 30_000, intent),
            MoneyTestApp.Refunded("evt_r1_" + order, intent, 30_000, 5_000),
            MoneyTestApp.Refunded("evt_r2_" + order, intent, 30_000, 30_000),
            MoneyTestApp.Disputed("evt_d_" + order, intent, 30_000),
        ];
        foreach (var i in order.Select(c => c - '0'))
        {
            Assert.Equal(HttpStatusCode.OK, await m.PostEventAsync(events[i]));
            Assert.Equal(HttpStatusCode.OK, await m.PostEventAsync(events[i]));
            // Processing between deliveries too (half the time), so the order reaches the handler as sent.
            if (i % 2 == 0)
            {
                await m.RunAsync();
            }
        }
        await m.RunAsync();

        var row = await m.RowAsync(party.BookingId);
        Assert.Equal(BookingStatus.Confirmed, row.Status); // the deposit confirmed it before anything was refunded
        Assert.Equal((0m, 300m, true), (row.AmountPaid, row.Refunded, row.Disputed));
        var payment = Assert.Single(row.Payments!);
        Assert.Equal(("deposit", 300m, "disputed", 300m), (payment.Installment, payment.Amount, payment.Status, payment.Refunded));
        var types = (await m.Bookings.EventsAsync(party.BookingId, default)).Select(e => e.EventType).ToList();
        Assert.Equal(1, types.Count(t => t == BookingEventTypes.PaymentReceived));
        Assert.Equal(1, types.Count(t => t == BookingEventTypes.Confirmed));
        Assert.Equal(1, types.Count(t => t == BookingEventTypes.PaymentDisputed));
        // Refunds add up to the refunded total whatever their order (one or two events).
        Assert.Equal(300m, (await m.Bookings.EventsAsync(party.BookingId, default)).Where(e => e.EventType == BookingEventTypes.PaymentRefunded)
            .Sum(e => System.Text.Json.JsonSerializer.Deserialize<PaymentRefunded>(e.Data, EventStore.Json)!.Amount));
        Assert.Equal(1, await m.TextsToAsync(party.Phone, "is confirmed"));
        Assert.Equal(1, await m.DbAsync(db => db.Set<Payment>().CountAsync()));
    }

    [Fact]
    public async Task An_async_payment_confirms_only_when_it_succeeds_and_a_failed_one_never()
    {
        await using var m = new MoneyTestApp();
        var ok = await m.PartyAsync();
        var failed = await m.PartyAsync();
        await m.PostEventAsync(MoneyTestApp.Completed("evt_a1", ok.BookingId, "deposit", 30_000, "pi_async_ok", status: "unpaid"));
        await m.PostEventAsync(MoneyTestApp.Completed("evt_b1", failed.BookingId, "deposit", 30_000, "pi_async_no", status: "unpaid"));
        await m.RunAsync();
        Assert.Equal(BookingStatus.Requested, (await m.RowAsync(ok.BookingId)).Status);
        Assert.Equal(0m, (await m.RowAsync(ok.BookingId)).AmountPaid);

        await m.PostEventAsync(MoneyTestApp.Completed("evt_a2", ok.BookingId, "deposit", 30_000, "pi_async_ok", status: "paid", type: "checkout.session.async_payment_succeeded"));
        await m.PostEventAsync(MoneyTestApp.Completed("evt_b2", failed.BookingId, "deposit", 30_000, "pi_async_no", status: "unpaid", type: "checkout.session.async_payment_failed"));
        await m.RunAsync();
        Assert.Equal((BookingStatus.Confirmed, 300m), ((await m.RowAsync(ok.BookingId)).Status, (await m.RowAsync(ok.BookingId)).AmountPaid));
        Assert.Equal((BookingStatus.Requested, 0m), ((await m.RowAsync(failed.BookingId)).Status, (await m.RowAsync(failed.BookingId)).AmountPaid));
        Assert.Equal(PaymentStatus.Failed, await m.DbAsync(db => db.Set<Payment>().Where(p => p.PaymentIntentId == "pi_async_no").Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task Events_for_unknown_bookings_or_other_checkouts_are_kept_as_ignored()
    {
        await using var m = new MoneyTestApp();
        await m.PostEventAsync(MoneyTestApp.Completed("evt_u1", Guid.NewGuid(), "deposit", 100, "pi_u1"));
        await m.PostEventAsync(MoneyTestApp.Completed("evt_u2", Guid.NewGuid(), "tip", 100, "pi_u2"));
        await m.PostEventAsync("""{"id":"evt_u3","type":"customer.created","data":{"object":{"id":"cus_1"}}}""");
        await m.RunAsync();
        var outcomes = await m.DbAsync(db => db.Set<InboundEvent>().Where(e => e.Provider == "stripe").OrderBy(e => e.ExternalId).Select(e => e.Outcome!).ToListAsync());
        Assert.Equal(3, outcomes.Count);
        Assert.All(outcomes, o => Assert.Contains("ignored", o, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_payment_on_a_cancelled_booking_is_recorded_and_does_not_revive_it()
    {
        await using var m = new MoneyTestApp();
        var party = await m.PartyAsync();
        await m.Bookings.CancelAsync(party.BookingId, "changed plans", "lost", HibachiAdmin.Common.Actor.System, default);
        await m.PostEventAsync(MoneyTestApp.Completed("evt_cx", party.BookingId, "deposit", 30_000, "pi_cx"));
        await m.RunAsync();
        var row = await m.RowAsync(party.BookingId);
        Assert.Equal(BookingStatus.Cancelled, row.Status);
        Assert.Equal(300m, row.AmountPaid);
        Assert.Equal(0m, row.AmountDue);
    }
}
