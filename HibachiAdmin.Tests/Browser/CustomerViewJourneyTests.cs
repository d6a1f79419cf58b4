using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HibachiAdmin.Tests.Browser;

[Collection(TestCollections.Journeys)]
public sealed class CustomerViewJourneyTests
{
    /// <summary>The top bar's search finds a customer by part of their phone number and opens their customer view.</summary>
    [BrowserFact]
    public async Task Searching_the_top_bar_by_phone_opens_the_customer_view()
    {
        await using var app = await BrowserApp.StartAsync();
        var api = await app.Factory.CreateAdminClientAsync();
        var contact = await (await api.PostAsJsonAsync("/api/v1/contacts", new { name = "Priya Patel", phone = "(917) 555-0177", email = "priya@example.com" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = contact.GetProperty("id").GetString();
        await api.PostAsJsonAsync("/api/v1/leads", new { contactId = id, source = "website", occasion = "Graduation", guestCount = 30 });

        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var search = app.Page.Locator("[data-testid=global-search] input");
        await search.ClickAsync();
        await search.PressSequentiallyAsync("555-0177");
        await app.Page.Locator("[data-testid=global-search-result]", new() { HasText = "Priya Patel" }).ClickAsync();

        await app.Page.WaitForURLAsync($"**/contacts/{id}");
        await Assertions.Expect(app.Page.Locator("h1")).ToHaveTextAsync("Priya Patel");
        await Assertions.Expect(app.Page.Locator("[data-testid=contact-details]")).ToContainTextAsync("(917) 555-0177");
        await Assertions.Expect(app.Page.Locator("[data-testid=contact-leads]")).ToContainTextAsync("Graduation");
        await Assertions.Expect(app.Page.Locator("[data-testid=money-spent]")).ToHaveTextAsync("$0");
        app.AssertNoCspViolations();
    }
}
