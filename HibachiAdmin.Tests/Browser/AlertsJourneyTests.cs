using System.Text;
using Microsoft.Playwright;

namespace HibachiAdmin.Tests.Browser;

/// <summary>
/// An alert arrives live: a customer texts a booking inquiry, and the bell of two people signed in on two browsers
/// counts it without a reload; one reads it on the alerts page, their bell goes back to zero, the other's stays at one,
/// and a reload shows the same numbers.
/// </summary>
[Collection(TestCollections.Journeys)]
public sealed class AlertsJourneyTests
{
    [BrowserFact]
    public async Task A_new_lead_reaches_the_bell_of_two_browsers_live_and_reading_it_is_per_person()
    {
        await using var app = await BrowserApp.StartAsync(f => f.With("RingCentral:VerificationToken", "journey-token"));
        const string staffEmail = "sam.staff@test.local";
        const string staffPassword = "a long enough staff password";
        await app.Factory.CreateUserAsync(staffEmail, staffPassword, "Staff");

        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        await app.Page.GotoAsync("/");
        await app.WaitForCircuitAsync();
        var ownerBell = app.Page.Locator("[data-testid=alert-bell]");
        await Assertions.Expect(ownerBell).ToHaveAttributeAsync("data-unread", "0");

        // The second browser: its own profile, another person.
        await using var second = await app.Context.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        second.SetDefaultTimeout(30_000);
        var phone = await second.NewPageAsync();
        await phone.GotoAsync("/Account/Login");
        await phone.FillAsync("#Input\\.Email", staffEmail);
        await phone.FillAsync("#Input\\.Password", staffPassword);
        await phone.ClickAsync("#login-submit");
        await phone.WaitForSelectorAsync(".mud-layout[data-circuit=interactive]");
        var staffBell = phone.Locator("[data-testid=alert-bell]");
        await Assertions.Expect(staffBell).ToHaveAttributeAsync("data-unread", "0");

        // A customer texts a booking inquiry: a lead, and its alert, arrive while both pages are open.
        var body = Fixtures.Read("ringcentral-inbound-sms.json")
            .Replace("Hi, can I move my cleaning to Friday morning?", "Hello! Hibachi for my daughter's birthday Dec 5th, party of 14?", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ringcentral/webhooks/sms") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Verification-Token", "journey-token");
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        Assert.True((await http.SendAsync(request)).IsSuccessStatusCode);

        await Assertions.Expect(ownerBell).ToHaveAttributeAsync("data-unread", "1");
        await Assertions.Expect(staffBell).ToHaveAttributeAsync("data-unread", "1");
        await Assertions.Expect(staffBell).ToHaveAttributeAsync("aria-label", "Alerts, 1 unread");

        // The staff member opens the alerts page on the phone and reads it.
        await staffBell.ClickAsync();
        await phone.WaitForURLAsync("**/alerts");
        await phone.WaitForSelectorAsync(".mud-layout[data-circuit=interactive]");
        var item = phone.Locator("[data-testid=alert-item]", new() { HasText = "New lead" });
        await Assertions.Expect(item).ToHaveAttributeAsync("data-read", "false");
        await Assertions.Expect(item).ToContainTextAsync("From SMS");
        await item.Locator("[data-testid=alert-mark-read]").ClickAsync();
        await Assertions.Expect(item).ToHaveAttributeAsync("data-read", "true");
        await Assertions.Expect(staffBell).ToHaveAttributeAsync("data-unread", "0");
        var widths = await phone.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"the alerts page scrolls sideways on a phone: {widths[0]} > {widths[1]}");

        // The owner's alert is their own: still unread, live and after a reload.
        await Assertions.Expect(ownerBell).ToHaveAttributeAsync("data-unread", "1");
        await app.Page.ReloadAsync();
        await app.WaitForCircuitAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=alert-bell]")).ToHaveAttributeAsync("data-unread", "1");
        await phone.ReloadAsync();
        await phone.WaitForSelectorAsync(".mud-layout[data-circuit=interactive]");
        await Assertions.Expect(phone.Locator("[data-testid=alert-bell]")).ToHaveAttributeAsync("data-unread", "0");
        app.AssertNoCspViolations();
    }
}
