using System.Net;
using System.Text.RegularExpressions;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Payments;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Tests.Features.Payments;

/// <summary>
/// The customer's page /p/{token} over HTTP, anonymous: accept and pay through its own forms; the amount always
/// from our database; another booking's checkout, an expired, revoked or random token answered 404; never a 5xx.
/// </summary>
public sealed partial class CustomerPageSecurityTests
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string handler, Dictionary<string, string>? fields = null)
    {
        var page = await client.GetStringAsync(url);
        var form = new Dictionary<string, string>(fields ?? []) { ["_handler"] = handler, ["__RequestVerificationToken"] = Antiforgery().Match(page).Groups[1].Value };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task A_customer_accepts_and_pays_on_the_page_and_a_tampered_amount_changes_nothing()
    {
        await using var m = new MoneyTestApp();
        var party = await m.PartyAsync();
        var (quote, token) = await m.QuoteAsync(party.BookingId);
        var client = m.App.CreateClient(new() { AllowAutoRedirect = false });

        var page = await client.GetAsync($"/p/{token}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("$1,522.50", html, StringComparison.Ordinal);
        Assert.Contains("Saturday, December 19, 2026", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Pat Money", html, StringComparison.Ordinal); // nothing about the customer beyond the party
        Assert.DoesNotContain(party.Phone[2..], html, StringComparison.Ordinal);
        Assert.True(page.Headers.CacheControl?.NoStore, "the page is not cached anywhere");

        // The form carries no amount; one added by hand is ignored.
        var accepted = await PostFormAsync(client, $"/p/{token}", "accept",
            new() { ["Accept.Name"] = "Pat Money", ["Accept.QuoteId"] = quote.Id.ToString(), ["amount"] = "1.00", ["Amount"] = "1" });
        Assert.True(accepted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, $"accept answered {(int)accepted.StatusCode}");
        var checkout = accepted.Headers.Location!.ToString();
        Assert.Contains($"/p/{token}?checkout=cs_test_", checkout, StringComparison.Ordinal);
        var attempt = await m.DbAsync(db => db.Set<CheckoutAttempt>().SingleAsync(a => a.BookingId == party.BookingId));
        Assert.Equal((380.63m, "deposit"), (attempt.Amount, attempt.Installment));

        var sandbox = await client.GetStringAsync(checkout);
        Assert.Contains("$380.63", sandbox, StringComparison.Ordinal);
        var paid = await PostFormAsync(client, checkout, "sandbox-pay", new() { ["amount"] = "1" });
        Assert.True(paid.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther);
        await m.RunAsync();
        var row = await m.RowAsync(party.BookingId);
        Assert.Equal((BookingStatus.Confirmed, 380.63m), (row.Status, row.AmountPaid));
        Assert.Contains("Your date is confirmed.", await client.GetStringAsync($"/p/{token}"), StringComparison.Ordinal);
        // Paying the same (completed) session again sends nothing new.
        Assert.Contains("completed", await client.GetStringAsync(checkout), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_bookings_checkout_or_quote_cannot_be_used_with_this_token()
    {
        await using var m = new MoneyTestApp();
        var mine = await m.PartyAsync();
        var theirs = await m.PartyAsync(guests: 30);
        var (myQuote, myToken) = await m.QuoteAsync(mine.BookingId);
        var (theirQuote, theirToken) = await m.QuoteAsync(theirs.BookingId, MoneyTestApp.TwentyAdults with { Adults = 30 });
        Assert.True((await m.Payments.AcceptAsync(theirToken, theirQuote.Id, "Them", null, null, default)).Ok);
        var theirCheckout = (await m.Payments.StartCheckoutAsync(theirToken, "https://x/p/" + theirToken, default)).Url!.Split("?checkout=")[1];
        var client = m.App.CreateClient(new() { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/p/{myToken}?checkout={theirCheckout}")).StatusCode);
        Assert.False((await m.Payments.AcceptAsync(myToken, theirQuote.Id, "Me", null, null, default)).Ok);
        Assert.Null((await m.Payments.QuotesAsync(mine.BookingId, default)).Single().AcceptedAt);
        var mineHtml = await client.GetStringAsync($"/p/{myToken}");
        Assert.Contains(Formats(myQuote.Total), mineHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(Formats(theirQuote.Total), mineHtml, StringComparison.Ordinal);
    }

    private static string Formats(decimal amount) => HibachiAdmin.Common.Formats.Cents(amount);

    [Fact]
    public async Task Expired_and_revoked_links_are_not_found()
    {
        await using var m = new MoneyTestApp();
        var party = await m.PartyAsync();
        var (_, token) = await m.QuoteAsync(party.BookingId);
        var client = m.App.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/p/{token}")).StatusCode);

        m.Time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/p/{token}")).StatusCode);
        m.Time.Advance(TimeSpan.FromSeconds(1));
        var expired = await client.GetAsync($"/p/{token}");
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.DoesNotContain("$1,522.50", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (_, fresh) = await m.QuoteAsync(party.BookingId);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/p/{fresh}")).StatusCode);
        Assert.Equal(2, await m.Payments.RevokeLinksAsync(party.BookingId, default)); // the expired one too
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/p/{fresh}")).StatusCode);
        Assert.True((await m.Payments.StartCheckoutAsync(fresh, "https://x", default)).NotFound);
    }

    [Fact]
    public async Task Ten_thousand_random_tokens_are_all_not_found_and_odd_ones_never_a_5xx()
    {
        await using var m = new MoneyTestApp();
        var party = await m.PartyAsync();
        await m.QuoteAsync(party.BookingId);
        var client = m.App.CreateClient();
        // 10,000 well-formed random tokens against the lookup the page uses: none opens anything, and checkouts
        // refuse them too. 300 of them also over HTTP: the same 404 page, never anything else (the full 10,000 over
        // HTTP cost minutes of CI for the same code path).
        for (var i = 0; i < 10_000; i++)
        {
            Assert.Null(await m.Payments.OpenAsync(PayTokens.New(), default));
        }
        var statuses = new Dictionary<HttpStatusCode, int>();
        for (var i = 0; i < 300; i++)
        {
            using var response = await client.GetAsync($"/p/{PayTokens.New()}");
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
        }
        Assert.Equal(300, statuses.GetValueOrDefault(HttpStatusCode.NotFound));
        foreach (var odd in new[] { "x", new string('a', 22), new string('a', 5000), "%01", "..%2F..%2Fetc", "%E2%80%AE", "ä", "AAAAAAAAAAAAAAAAAAAAA=", "a b", "%FF%FE" })
        {
            using var response = await client.GetAsync($"/p/{odd}?checkout={odd}");
            Assert.True((int)response.StatusCode < 500, $"/p/{odd} → {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task The_page_is_rate_limited_per_address()
    {
        await using var app = new AppFactory().With("RateLimits:CustomerPagePerMinute", "5").With("Hangfire:ProcessJobs", "false");
        var client = app.CreateClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            codes.Add((await client.GetAsync($"/p/{PayTokens.New()}")).StatusCode);
        }
        Assert.Equal(5, codes.Count(c => c == HttpStatusCode.NotFound));
        Assert.Equal(HttpStatusCode.TooManyRequests, codes[^1]);
    }
}
