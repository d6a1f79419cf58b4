using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Payments;
using HibachiAdmin.Features.Payments.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Payments;

/// <summary>Money the owner can trust (collected net of refunds, the payments list and CSV) and text-to-pay from the booking.</summary>
public sealed class CollectedMoneyAndTextToPayTests
{
    [Fact]
    public async Task Collected_money_is_net_of_refunds_in_the_ledger_the_list_and_the_CSV()
    {
        await using var m = new MoneyTestApp();
        var party = await m.PartyAsync();
        await m.PostEventAsync(MoneyTestApp.Completed("evt_l1", party.BookingId, "deposit", 30_000, "pi_ledger_1"));
        await m.PostEventAsync(MoneyTestApp.Refunded("evt_l2", "pi_ledger_1", 30_000, 12_345));
        await m.RunAsync();

        var ledger = m.Services.GetRequiredService<IPaymentsLedger>();
        var now = m.Time.GetUtcNow().UtcDateTime;
        Assert.Equal(176.55m, await ledger.CollectedAsync(now.AddDays(-1), now.AddDays(1), default));
        Assert.Equal(0m, await ledger.CollectedAsync(now.AddDays(1), now.AddDays(2), default));

        var staff = await m.App.CreateClientInRoleAsync(HibachiAdmin.Infrastructure.Identity.Roles.Staff);
        var list = await staff.GetFromJsonAsync<JsonElement>("/api/v1/payments");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var item = list.GetProperty("items")[0];
        Assert.Equal(("partiallyRefunded", 300m, 123.45m), (item.GetProperty("status").GetString(), item.GetProperty("amount").GetDecimal(), item.GetProperty("refunded").GetDecimal()));

        var csv = await staff.GetAsync("/api/v1/payments.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("paid_at,booking_id,installment,amount_usd,refunded_usd,net_usd,status,dispute_reason,payment_intent", lines[0]);
        Assert.Equal($"2026-11-24 10:00,{party.BookingId},deposit,300.00,123.45,176.55,partly refunded,,pi_ledger_1", lines[1]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await m.App.CreateClient().GetAsync("/api/v1/payments.csv")).StatusCode);
    }

    [Fact]
    public async Task What_other_features_see_of_a_booking_counts_online_payments_net_of_refunds_as_paid()
    {
        await using var m = new MoneyTestApp();
        var party = await m.PartyAsync();
        await m.PostEventAsync(MoneyTestApp.Completed("evt_s1", party.BookingId, "deposit", 30_000, "pi_summary_1"));
        await m.PostEventAsync(MoneyTestApp.Refunded("evt_s2", "pi_summary_1", 30_000, 10_000));
        await m.RunAsync();
        var summary = Assert.Single(await m.Services.GetRequiredService<HibachiAdmin.Features.Bookings.Contracts.IBookingService>().ForContactAsync(party.ContactId, default));
        Assert.Equal((200m, 1000m), (summary.DepositPaid, summary.BalanceDue));
    }

    [Fact]
    public async Task A_deposit_link_is_texted_once_to_the_customer_and_never_to_someone_who_opted_out()
    {
        await using var m = new MoneyTestApp();
        var party = await m.PartyAsync();
        var (quote, _) = await m.QuoteAsync(party.BookingId);
        var texted = await m.Payments.TextLinkAsync(party.BookingId, Installments.Deposit, Actor.System, "https://hibachi.test", default);
        Assert.NotNull(texted.Url);
        var sent = Assert.Single(m.Sms.Sent, s => s.To == party.Phone);
        Assert.Contains(texted.Url!, sent.Text, StringComparison.Ordinal);
        Assert.Contains("$380.63", sent.Text, StringComparison.Ordinal);
        Assert.Contains("Reply STOP to opt out", sent.Text, StringComparison.Ordinal);
        Assert.Equal(quote.Id, (await m.Payments.OpenAsync(texted.Url!.Split("/p/")[1], default))!.Quote!.Id);

        Assert.True((await m.Payments.TextLinkAsync(Guid.NewGuid(), Installments.Balance, Actor.System, "https://x", default)).NotFound);
        await PersonConsent.SetAsync(m.Services, party.ContactId, SmsConsent.OptedOut);
        var refused = await m.Payments.TextLinkAsync(party.BookingId, Installments.Deposit, Actor.System, "https://hibachi.test", default);
        Assert.Null(refused.Url);
        Assert.Contains("optedOut", refused.Conflict, StringComparison.Ordinal);
        Assert.Single(m.Sms.Sent, s => s.To == party.Phone);
    }

    [Fact]
    public async Task The_inbox_offers_a_link_for_the_next_installment_to_put_in_the_reply_box()
    {
        await using var m = new MoneyTestApp();
        var party = await m.PartyAsync();
        var (quote, token) = await m.QuoteAsync(party.BookingId);
        var links = m.Services.GetRequiredService<IPayLinks>();
        var deposit = (await links.OfferAsync(party.BookingId, "https://hibachi.test/", Actor.System, default))!;
        Assert.Equal((Installments.Deposit, 380.63m), (deposit.Installment, deposit.Amount));
        Assert.Equal($"Here is the link to pay the deposit of $380.63 to hold Dec 19: {deposit.Url}", deposit.Text);
        Assert.StartsWith("https://hibachi.test/p/", deposit.Url, StringComparison.Ordinal);

        await m.AcceptAndPayAsync(token, quote.Id);
        await m.RunAsync();
        var balance = (await links.OfferAsync(party.BookingId, "https://hibachi.test/", Actor.System, default))!;
        Assert.Equal((Installments.Balance, 1141.87m), (balance.Installment, balance.Amount));
        await m.PayAsync(balance.Url.Split("/p/")[1]);
        await m.RunAsync();
        Assert.Null(await links.OfferAsync(party.BookingId, "https://hibachi.test/", Actor.System, default));
        Assert.DoesNotContain(m.Sms.Sent, s => s.Text.Contains("/p/", StringComparison.Ordinal)); // offered, never sent by itself
    }

    [Fact]
    public async Task In_the_customers_quiet_hours_the_text_is_refused_with_the_time_it_may_go()
    {
        await using var m = new MoneyTestApp();
        var party = await m.PartyAsync();
        m.Time.SetUtcNow(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero)); // 10 p.m. in New York
        var refused = await m.Payments.TextLinkAsync(party.BookingId, Installments.Deposit, Actor.System, "https://hibachi.test", default);
        Assert.Null(refused.Url);
        Assert.Contains("quiet hours", refused.Conflict, StringComparison.Ordinal);
        Assert.DoesNotContain(m.Sms.Sent, s => s.To == party.Phone);
    }
}
