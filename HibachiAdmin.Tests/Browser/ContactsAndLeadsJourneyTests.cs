using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HibachiAdmin.Tests.Browser;

[Collection(TestCollections.Journeys)]
public sealed class ContactsAndLeadsJourneyTests
{
    [BrowserFact]
    public async Task An_admin_adds_a_contact_and_finds_it_in_the_list()
    {
        await using var app = await BrowserApp.StartAsync();
        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        await app.Page.GotoAsync("/contacts");
        await app.WaitForCircuitAsync();

        await app.ClickUntilAsync("[data-testid=add-contact]", "input[data-testid=contact-name]");
        await app.Page.FillAsync("input[data-testid=contact-name]", "Sofia Rossi");
        await app.Page.FillAsync("input[data-testid=contact-phone]", "305.555.0123");
        await app.Page.ClickAsync("[data-testid=save-contact]");

        var row = app.Page.Locator("[data-testid=contacts-grid] tr", new() { HasText = "Sofia Rossi" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("(305) 555-0123");
        // Issue 24 item 13: the phone never wraps over two lines.
        Assert.Equal("nowrap", await row.Locator("[data-testid=contact-phone-cell]").EvaluateAsync<string>("e => getComputedStyle(e).whiteSpace"));

        await app.Page.ReloadAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=contacts-grid] tr", new() { HasText = "Sofia Rossi" })).ToBeVisibleAsync();

        // Issue 24 item 13: "Export CSV" downloads the file in place; it opened an empty tab.
        await app.WaitForCircuitAsync();
        var download = await app.Page.RunAndWaitForDownloadAsync(() => app.Page.ClickAsync("[data-testid=export-contacts]"));
        Assert.Equal("contacts.csv", download.SuggestedFilename);
        Assert.Contains("Sofia Rossi", await File.ReadAllTextAsync((await download.PathAsync())!));
        Assert.Single(app.Page.Context.Pages);
        await Assertions.Expect(app.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/contacts"));
        app.AssertNoCspViolations();
    }

    [BrowserFact]
    public async Task Dragging_a_lead_to_Qualified_persists_across_a_reload()
    {
        await using var app = await BrowserApp.StartAsync();
        var api = await app.Factory.CreateAdminClientAsync();
        var contact = await (await api.PostAsJsonAsync("/api/v1/contacts", new { name = "Diego Hernandez", phone = "(405) 555-0199" })).Content.ReadFromJsonAsync<JsonElement>();
        var lead = await (await api.PostAsJsonAsync("/api/v1/leads", new { contactId = contact.GetProperty("id").GetString(), source = "sms", guestCount = 25, occasion = "Graduation" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var card = $"[data-testid=lead-card-{lead.GetProperty("id").GetString()}]";

        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        await app.Page.GotoAsync("/leads");
        await app.WaitForCircuitAsync();
        await Assertions.Expect(app.Page.Locator($"[data-testid=lead-column-new] {card}")).ToBeVisibleAsync();

        var target = app.Page.Locator("[data-testid=lead-column-qualified] .mud-drop-zone");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await app.Page.Locator(card).DragToAsync(target);
            try
            {
                await app.Page.WaitForSelectorAsync($"[data-testid=lead-column-qualified] {card}", new() { Timeout = 2_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 4)
            {
            }
        }
        await Assertions.Expect(app.Page.Locator($"[data-testid=lead-column-qualified] {card}")).ToBeVisibleAsync();
        var toast = app.Page.Locator(".mud-snackbar", new() { HasText = "Qualified" });
        await Assertions.Expect(toast).ToBeVisibleAsync();
        // Issue 24 item 6: a toast never sits over the page's primary buttons.
        var toastBox = (await toast.BoundingBoxAsync())!;
        foreach (var button in await app.Page.Locator("[data-testid=page-actions] button").AllAsync())
        {
            var b = (await button.BoundingBoxAsync())!;
            var overlaps = toastBox.X < b.X + b.Width && b.X < toastBox.X + toastBox.Width && toastBox.Y < b.Y + b.Height && b.Y < toastBox.Y + toastBox.Height;
            Assert.False(overlaps, $"the toast ({toastBox.X},{toastBox.Y} {toastBox.Width}×{toastBox.Height}) covers a header button ({b.X},{b.Y})");
        }

        await app.Page.ReloadAsync();
        await app.WaitForCircuitAsync();
        await Assertions.Expect(app.Page.Locator($"[data-testid=lead-column-qualified] {card}")).ToBeVisibleAsync();
        await Assertions.Expect(app.Page.Locator($"[data-testid=lead-column-new] {card}")).ToHaveCountAsync(0);
    }
}
