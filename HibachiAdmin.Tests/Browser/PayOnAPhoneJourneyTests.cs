using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HibachiAdmin.Tests.Browser;

[Collection(TestCollections.Journeys)]
public sealed class PayOnAPhoneJourneyTests
{
    /// <summary>
    /// Issue 25's journey: staff send a quote from the booking page; the customer opens the link on a 390 px phone,
    /// accepts and pays the deposit in the sandbox checkout; the booking confirms itself, the lead is Booked, Home's
    /// collected money grows; later the balance link marks the booking paid in full.
    /// </summary>
    [BrowserFact]
    public async Task A_customer_accepts_a_quote_and_pays_deposit_then_balance_on_a_phone()
    {
        await using var app = await BrowserApp.StartAsync();
        var api = await app.Factory.CreateAdminClientAsync();
        var contact = await (await api.PostAsJsonAsync("/api/v1/contacts", new { name = "Maya Chen", phone = "(917) 555-0188" })).Content.ReadFromJsonAsync<JsonElement>();
        var contactId = contact.GetProperty("id").GetString();
        var eventDate = DateTime.UtcNow.AddDays(25).ToString("yyyy-MM-dd");
        var lead = await (await api.PostAsJsonAsync("/api/v1/leads", new { contactId, source = "instagram", status = "quoted", eventDate, guestCount = 20, zip = "10001" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var leadId = lead.GetProperty("id").GetString();
        var booking = await (await api.PostAsJsonAsync("/api/v1/bookings", new { contactId, leadId, eventDate, guestCount = 20, pricePerPerson = 60, zip = "10001" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var bookingId = booking.GetProperty("id").GetString();

        // Staff: the quote from the booking page.
        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        await app.Page.GotoAsync($"/bookings/{bookingId}");
        await app.WaitForCircuitAsync();
        await app.Page.GetByText("Write a quote").ClickAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=quote-preview-total]")).ToHaveTextAsync("$1,522.50");
        await app.Page.ClickAsync("[data-testid=send-quote]");
        var linkInput = app.Page.Locator("input[data-testid=customer-link]");
        await Assertions.Expect(linkInput).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/p/[A-Za-z0-9_-]{22}$"));
        var link = await linkInput.InputValueAsync();
        var collectedBefore = await CollectedAsync(app);

        // The customer, on a phone, not signed in.
        await using var phone = await app.Context.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await phone.NewPageAsync();
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("[data-testid=quote-total]")).ToHaveTextAsync("$1,522.50");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the quote fits a 390 px phone");
        await page.FillAsync("#accept-name", "Maya Chen");
        await page.ClickAsync("#accept-and-pay");
        await Assertions.Expect(page.Locator("[data-testid=sandbox-amount]")).ToHaveTextAsync("$380.63");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the checkout fits a 390 px phone");
        await page.ClickAsync("#sandbox-pay");
        await Assertions.Expect(page.Locator("[data-testid=customer-paid-note]")).ToBeVisibleAsync();
        await Eventually.UntilAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator("[data-testid=customer-confirmed]").CountAsync() > 0;
        }, "the booking to confirm itself once the deposit's webhook is processed", TimeSpan.FromSeconds(60));

        await Eventually.UntilAsync(async () => (await api.GetFromJsonAsync<JsonElement>($"/api/v1/leads/{leadId}")).GetProperty("status").GetString() == "booked",
            "the lead to move to Booked", TimeSpan.FromSeconds(60));
        Assert.Equal(collectedBefore + 380.63m, await CollectedAsync(app));

        // Later, the balance link.
        var balance = await (await api.PostAsJsonAsync($"/api/v1/bookings/{bookingId}/payment-links", new { installment = "balance" })).Content.ReadFromJsonAsync<JsonElement>();
        await page.GotoAsync(balance.GetProperty("url").GetString()!);
        await page.ClickAsync("#pay");
        await Assertions.Expect(page.Locator("[data-testid=sandbox-amount]")).ToHaveTextAsync("$1,141.87");
        await page.ClickAsync("#sandbox-pay");
        await Eventually.UntilAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator("[data-testid=customer-paid-in-full]").CountAsync() > 0;
        }, "the booking to be paid in full", TimeSpan.FromSeconds(60));
        var paid = await api.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{bookingId}");
        Assert.Equal((0m, 1522.50m), (paid.GetProperty("amountDue").GetDecimal(), paid.GetProperty("amountPaid").GetDecimal()));
        app.AssertNoCspViolations();
    }

    private static async Task<decimal> CollectedAsync(BrowserApp app)
    {
        await app.Page.GotoAsync("/");
        await app.WaitForCircuitAsync();
        var text = await app.Page.Locator("[data-testid=collected-month]").InnerTextAsync();
        return decimal.Parse(text.Split(' ')[0].TrimStart('$'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
    }
}
