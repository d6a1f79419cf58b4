using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Net.Http.Json;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace HibachiAdmin.Tests.Browser;

[Collection(TestCollections.MoreJourneys)]
public sealed class CampaignJourneyTests
{
    [BrowserFact]
    public async Task A_marketer_builds_a_campaign_sees_the_estimate_sends_and_watches_it_reach_every_recipient()
    {
        // 16:00 UTC on a Tuesday: 11:00 in New York, inside everyone's window. The clock moves with real time.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        await using var app = await BrowserApp.StartAsync(f => f.Time = time);
        var api = await app.Factory.CreateAdminClientAsync();
        foreach (var (name, phone) in new[] { ("Ava Miller", "(212) 555-0141"), ("Bo Diaz", "(212) 555-0142"), ("Cy Ray", "(212) 555-0143") })
        {
            var created = await api.PostAsJsonAsync("/api/v1/contacts", new { name, phone, tags = new[] { "holiday" } });
            created.EnsureSuccessStatusCode();
            await PersonConsent.SetAsync(app.Factory.Services, (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid(), HibachiAdmin.Features.Contacts.Contracts.SmsConsent.OptedIn);
        }
        await api.PostAsJsonAsync("/api/v1/contacts", new { name = "Di Nope", phone = "(212) 555-0144", tags = new[] { "holiday" } });
        // Not tagged: added to this campaign by hand.
        var eve = (await api.PostAsJsonAsync("/api/v1/contacts", new { name = "Eve Extra", phone = "(212) 555-0145" })).EnsureSuccessStatusCode();
        await PersonConsent.SetAsync(app.Factory.Services, (await eve.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid(), HibachiAdmin.Features.Contacts.Contracts.SmsConsent.OptedIn);

        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        await app.Page.GotoAsync("/campaigns/new");
        await app.WaitForCircuitAsync();
        await app.Page.FillAsync("input[data-testid=campaign-name]", "Holiday parties");
        await app.Page.FillAsync("textarea[data-testid=campaign-message]", "Hi {FirstName|there}! Book your holiday hibachi party — 10% off this week.");
        // The em dash forces UCS-2; the one-click fix brings the text back to GSM-7.
        await Assertions.Expect(app.Page.Locator("[data-testid=campaign-counter]")).ToContainTextAsync("UCS-2");
        await app.Page.ClickAsync("[data-testid=fix-ucs2]");
        await Assertions.Expect(app.Page.Locator("[data-testid=campaign-counter]")).ToContainTextAsync("GSM-7");

        // No audience chosen: nobody, and nothing to send (an empty audience never means everyone).
        await Assertions.Expect(app.Page.Locator("[data-testid=choose-audience]")).ToBeVisibleAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=send-now]")).ToBeDisabledAsync();
        // "Everyone" is an explicit choice, and the button names how many it reaches (Di has no consent).
        await app.Page.Locator("[data-testid=audience-everyone] label").ClickAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=send-now]")).ToHaveTextAsync("Send to all 4");
        await app.Page.Locator("[data-testid=audience-everyone] label").ClickAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=send-now]")).ToBeDisabledAsync();

        await app.Page.ClickAsync("[data-testid=include-tags]");
        await app.Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "holiday" }).ClickAsync();
        var estimate = app.Page.Locator("[data-testid=estimate]");
        await Assertions.Expect(estimate).ToContainTextAsync("3 of 4 get it now");
        // Close the tag list as a keyboard user does: Escape in the select. The key goes to the focused
        // element, so focus the select first (on a busy machine focus may still be on the clicked item, and an
        // Escape there is lost: the list would stay open over the page and swallow the next click).
        await app.Page.FocusAsync("input[data-testid=include-tags]");
        await app.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(app.Page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
        await Assertions.Expect(estimate).ToContainTextAsync("$0.06");
        await Assertions.Expect(estimate).ToContainTextAsync("1 have not opted in");
        await Assertions.Expect(estimate).ToContainTextAsync("Hi Ava! Book your holiday hibachi party - 10% off this week. Reply STOP to opt out.");

        await app.Page.FillAsync("input[data-testid=add-contact]", "Eve");
        await app.Page.Locator("[data-testid=contact-results] button", new() { HasText = "Eve Extra" }).ClickAsync();
        await Assertions.Expect(estimate).ToContainTextAsync("4 of 5 get it now");
        await Assertions.Expect(estimate).ToContainTextAsync("$0.08");

        await app.Page.ClickAsync("[data-testid=send-now]");
        await app.Page.WaitForURLAsync("**/campaigns/*");
        // Hangfire's sender runs in the background (sandbox provider); the page updates itself.
        await Assertions.Expect(app.Page.Locator("[data-testid=progress-text]")).ToContainTextAsync("5 of 5 done (100%)", new() { Timeout = 30_000 });
        // Where every recipient stands, as a donut with its legend (Di has no consent: skipped).
        await Assertions.Expect(app.Page.Locator("[data-testid=status-chart]")).ToContainTextAsync("Skipped 1", new() { Timeout = 15_000 });
        await Assertions.Expect(app.Page.Locator("[data-testid=status-chart] svg").First).ToBeVisibleAsync();

        // The carrier's receipts (the sandbox's, through Hangfire) arrive while the page is open: it follows them by
        // itself, and what it shows then is what a reload shows.
        var progress = app.Page.Locator("[data-testid=progress-text]");
        await Assertions.Expect(progress).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"5 of 5 done \(100%\) · 4 delivered · 0 sent · 0 failed"), new() { Timeout = 30_000 });
        var live = (await progress.InnerTextAsync()).Trim();
        var liveChart = (await app.Page.Locator("[data-testid=status-chart]").InnerTextAsync()).Trim();
        await app.Page.ReloadAsync();
        await app.WaitForCircuitAsync();
        Assert.Equal(live, (await progress.InnerTextAsync()).Trim());
        Assert.Equal(liveChart, (await app.Page.Locator("[data-testid=status-chart]").InnerTextAsync()).Trim());
        app.AssertNoCspViolations();
    }
}
