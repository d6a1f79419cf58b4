using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Payments;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Payments;

/// <summary>
/// The loop with no account: a quote, the customer accepts and pays the deposit in the sandbox (a signed,
/// Stripe-shaped webhook through our own endpoint and the inbound pipeline), the booking confirms itself (lead on
/// Booked, one confirmation text), the balance link marks it paid in full, and a replay rebuilds the money exactly.
/// </summary>
public sealed class TheBookingFollowsTheMoneyTests
{
    [Fact]
    public async Task Deposit_paid_in_the_sandbox_confirms_the_booking_and_the_balance_pays_it_in_full()
    {
        await using var m = new MoneyTestApp();
        var party = await m.PartyAsync();
        var (quote, token) = await m.QuoteAsync(party.BookingId);
        Assert.Equal(1522.50m, quote.Total); // 20 × 60 + 18% gratuity 216 + 8.875% tax 106.50
        Assert.Equal(380.63m, quote.Deposit);

        await m.AcceptAndPayAsync(token, quote.Id);
        await m.RunAsync();

        var row = await m.RowAsync(party.BookingId);
        Assert.Equal(BookingStatus.Confirmed, row.Status);
        Assert.Equal(380.63m, row.AmountPaid);
        Assert.Equal(1141.87m, row.AmountDue);
        Assert.NotNull(row.QuoteAcceptedAt);
        Assert.Null(row.PaidInFullAt);
        Assert.Equal(LeadStatus.Booked, (await m.Services.GetRequiredService<LeadService>().GetAsync(party.LeadId, default))!.Status);
        Assert.Equal(1, await m.TextsToAsync(party.Phone, "is confirmed"));
        var accepted = await m.DbAsync(db => db.Set<Quote>().SingleAsync(q => q.Id == quote.Id));
        Assert.Equal(("Pat Money", "203.0.113.7", "test-browser"), (accepted.AcceptedName, accepted.AcceptedNetwork, accepted.AcceptedUserAgent));

        // The same link now offers the balance, for exactly what is left.
        var view = (await m.Payments.OpenAsync(token, default))!;
        Assert.Equal((Installments.Balance, 1141.87m), (view.NextInstallment, view.DueNow));
        await m.PayAsync(token);
        await m.RunAsync();

        row = await m.RowAsync(party.BookingId);
        Assert.Equal((1522.50m, 0m), (row.AmountPaid, row.AmountDue));
        Assert.NotNull(row.PaidInFullAt);
        Assert.Equal(1, await m.TextsToAsync(party.Phone, "is confirmed"));
        Assert.Null((await m.Payments.OpenAsync(token, default))!.NextInstallment);

        // The API shows the money (CONTRACT.md: amountDue, amountPaid, payments).
        var admin = await m.App.CreateAdminClientAsync();
        var json = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{party.BookingId}");
        Assert.Equal(0m, json.GetProperty("amountDue").GetDecimal());
        Assert.Equal(1522.50m, json.GetProperty("amountPaid").GetDecimal());
        var payments = json.GetProperty("payments").EnumerateArray().Select(p => (p.GetProperty("installment").GetString(), p.GetProperty("amount").GetDecimal(), p.GetProperty("status").GetString())).ToList();
        Assert.Equal([("deposit", 380.63m, "paid"), ("balance", 1141.87m, "paid")], payments);
        Assert.False(json.TryGetProperty("paymentRows", out _));

        // Replay rebuilds the same money from the events alone.
        await m.Bookings.ReplayAsync(default);
        var replayed = await m.RowAsync(party.BookingId);
        Assert.Equal((row.Total, row.AmountPaid, row.AmountDue, row.DepositDue, row.PaidInFullAt, row.Status), (replayed.Total, replayed.AmountPaid, replayed.AmountDue, replayed.DepositDue, replayed.PaidInFullAt, replayed.Status));
        Assert.Equal(row.Payments!.Select(p => (p.Installment, p.Amount, p.Status, p.PaidAt)), replayed.Payments!.Select(p => (p.Installment, p.Amount, p.Status, p.PaidAt)));
    }

    [Fact]
    public async Task A_booking_without_payments_has_no_payments_field_and_its_amount_due_is_its_total()
    {
        await using var m = new MoneyTestApp();
        var party = await m.PartyAsync();
        var admin = await m.App.CreateAdminClientAsync();
        var json = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{party.BookingId}");
        Assert.False(json.TryGetProperty("payments", out _));
        Assert.Equal(1200m, json.GetProperty("amountDue").GetDecimal());
        Assert.Equal(0m, json.GetProperty("amountPaid").GetDecimal());
    }

    [Fact]
    public async Task A_changed_quote_is_a_new_version_the_old_one_stays_readable_and_must_be_accepted_again()
    {
        await using var m = new MoneyTestApp();
        var party = await m.PartyAsync();
        var (first, token) = await m.QuoteAsync(party.BookingId);
        var (second, _) = await m.QuoteAsync(party.BookingId, MoneyTestApp.TwentyAdults with { Adults = 25 });
        Assert.Equal((1, 2), (first.Version, second.Version));
        var quotes = await m.Payments.QuotesAsync(party.BookingId, default);
        Assert.Equal([2, 1], quotes.Select(q => q.Version));
        Assert.Equal(first.Total, quotes[1].Total);
        // The first link now shows the current quote; accepting the old one is refused.
        Assert.Equal(second.Id, (await m.Payments.OpenAsync(token, default))!.Quote!.Id);
        var (ok, error) = await m.Payments.AcceptAsync(token, first.Id, "Pat Money", null, null, default);
        Assert.False(ok);
        Assert.Contains("replaced", error, StringComparison.Ordinal);
        Assert.Equal(second.Total, (await m.RowAsync(party.BookingId)).Total);
        // Paying needs the current quote accepted first.
        Assert.Equal("Accept the quote first.", (await m.Payments.StartCheckoutAsync(token, "https://x/p/" + token, default)).Conflict);
    }

    [Fact]
    public async Task Payment_links_through_the_API_open_a_checkout_for_what_is_due_and_refuse_what_is_not()
    {
        await using var m = new MoneyTestApp();
        var party = await m.PartyAsync();
        var staff = await m.App.CreateClientInRoleAsync(HibachiAdmin.Infrastructure.Identity.Roles.Staff);
        var response = await staff.PostAsJsonAsync($"/api/v1/bookings/{party.BookingId}/payment-links", new { installment = "deposit" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
        var token = url.Split("/p/")[1];
        Assert.Equal(22, token.Length);
        var view = (await m.Payments.OpenAsync(token, default))!;
        // No quote: the deposit is Payments:DepositPercent of guests × price (25% of 1,200).
        Assert.Equal((Installments.Deposit, 300m), (view.NextInstallment, view.DueNow));
        await m.PayAsync(token);
        await m.RunAsync();
        Assert.Equal(BookingStatus.Confirmed, (await m.RowAsync(party.BookingId)).Status);

        var deposit = await staff.PostAsJsonAsync($"/api/v1/bookings/{party.BookingId}/payment-links", new { installment = "deposit" });
        Assert.Equal(HttpStatusCode.Conflict, deposit.StatusCode);
        var bad = await staff.PostAsJsonAsync($"/api/v1/bookings/{party.BookingId}/payment-links", new { installment = "everything" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("installment", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync($"/api/v1/bookings/{Guid.NewGuid()}/payment-links", new { installment = "balance" })).StatusCode);
    }

    [Fact]
    public async Task A_refund_from_the_booking_is_recorded_when_the_provider_confirms_it()
    {
        await using var m = new MoneyTestApp();
        var party = await m.PartyAsync();
        var (quote, token) = await m.QuoteAsync(party.BookingId);
        await m.AcceptAndPayAsync(token, quote.Id);
        await m.RunAsync();
        var payment = Assert.Single(await m.Payments.PaymentsAsync(party.BookingId, default));

        var staff = await m.App.CreateClientInRoleAsync(HibachiAdmin.Infrastructure.Identity.Roles.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/v1/bookings/{party.BookingId}/refunds", new { paymentId = payment.Id, amount = 100 })).StatusCode);
        var manager = await m.App.CreateClientInRoleAsync(HibachiAdmin.Infrastructure.Identity.Roles.Manager);
        var tooMuch = await manager.PostAsJsonAsync($"/api/v1/bookings/{party.BookingId}/refunds", new { paymentId = payment.Id, amount = 500 });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await manager.PostAsJsonAsync($"/api/v1/bookings/{party.BookingId}/refunds", new { paymentId = payment.Id, amount = 100 })).StatusCode);
        await m.RunAsync();
        var row = await m.RowAsync(party.BookingId);
        Assert.Equal((280.63m, 100m), (row.AmountPaid, row.Refunded));
        Assert.Equal("partiallyRefunded", Assert.Single(row.Payments!).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await manager.PostAsJsonAsync($"/api/v1/bookings/{party.BookingId}/refunds", new { paymentId = payment.Id, amount = 280.63 })).StatusCode);
        await m.RunAsync();
        row = await m.RowAsync(party.BookingId);
        Assert.Equal(0m, row.AmountPaid);
        Assert.Equal("refunded", Assert.Single(row.Payments!).Status);
        // A refund does not unconfirm the booking; the money due is back.
        Assert.Equal(BookingStatus.Confirmed, row.Status);
        Assert.Equal(1522.50m, row.AmountDue);
    }
}
