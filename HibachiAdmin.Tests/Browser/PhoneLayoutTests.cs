using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HibachiAdmin.Tests.Browser;

/// <summary>
/// The owner's pages on a 390×844 phone over the demo data: nothing is wider than the screen
/// (<c>scrollWidth &lt;= innerWidth</c>), and a screenshot of each is kept for a person to look at.
/// </summary>
[Collection(TestCollections.Journeys)]
public sealed class PhoneLayoutTests
{
    public static readonly string ScreenshotDir = Path.Combine(Path.GetTempPath(), "hibachi-phone-screenshots");

    [BrowserFact]
    public Task The_owners_pages_fit_a_390_px_phone_without_horizontal_scrolling() => PagesFitAsync(390, 844, "", phone: true);

    /// <summary>The desktop the owner also uses (1440×900), in a test of its own: both sizes in one took up to the whole 180 s budget on a loaded machine.</summary>
    [BrowserFact]
    public Task The_owners_pages_fit_a_1440_px_desktop_without_horizontal_scrolling() => PagesFitAsync(1440, 900, "-desktop", phone: false);

    private static async Task PagesFitAsync(int width, int height, string suffix, bool phone)
    {
        await using var app = await BrowserApp.StartAsync(f => f.With("Seed:Demo", "true"));
        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);

        var api = await app.Factory.CreateAdminClientAsync();
        var bookings = await api.GetFromJsonAsync<JsonElement>("/api/v1/bookings?pageSize=200");
        var booking = bookings.GetProperty("items").EnumerateArray().First();
        var bookingId = booking.GetProperty("id").GetString();
        var contactId = booking.GetProperty("contactId").GetString();
        var qrCodeId = (await api.GetFromJsonAsync<JsonElement>("/api/v1/qr-codes?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetString();
        var chefId = (await api.GetFromJsonAsync<JsonElement>("/api/v1/chefs?pageSize=1")).GetProperty("items")[0].GetProperty("id").GetString();

        Directory.CreateDirectory(ScreenshotDir);
        var overflowing = new List<string>();
        var pages = new[]
        {
            ("home", "/"), ("leads", "/leads"), ("contacts", "/contacts"), ("customer", $"/contacts/{contactId}"), ("bookings", "/bookings"),
            ("booking", $"/bookings/{bookingId}"), ("calendar", "/calendar"), ("calendar-week", "/calendar?view=week"), ("calendar-feeds", "/admin/calendar-feeds"), ("calls", "/calls"), ("payments", "/payments"), ("pricing", "/admin/pricing"),
            ("qr-codes", "/qr-codes"), ("qr-code", $"/qr-codes/{qrCodeId}"), ("qr-print", "/qr-codes/print"), ("qr-analytics", "/qr-codes/analytics"),
            ("new-campaign", "/campaigns/new"),
            ("alerts", "/alerts"),
            ("team", "/admin/team"), ("chef-schedule", $"/chefs/{chefId}"), ("event-sheet", $"/bookings/{bookingId}/sheet"),
        };
        var truncated = new List<string>();
        await app.Page.SetViewportSizeAsync(width, height);
        foreach (var (name, path) in pages)
        {
            await app.Page.GotoAsync(path);
            await app.WaitForCircuitAsync();
            await app.Page.WaitForSelectorAsync("h1");
            await app.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await app.Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDir, $"{name}{suffix}.png"), FullPage = true });
            var widths = await app.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            if (widths[0] > widths[1])
            {
                overflowing.Add($"{path} at {width} px: scrollWidth {widths[0]} > innerWidth {widths[1]}");
            }
            // A field's label is read whole: cut with an ellipsis it hid what the field was for (issue 24.13).
            foreach (var label in await app.Page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('label.mud-input-label')].filter(l => l.offsetParent && l.scrollWidth > l.clientWidth + 1).map(l => l.textContent.trim())"))
            {
                truncated.Add($"{path} at {width} px: \"{label}\"");
            }
            // The heading is focused after navigation but draws no box.
            var outline = await app.Page.EvaluateAsync<string>("() => { const h = document.querySelector('h1'); return h ? getComputedStyle(h).outlineStyle : 'none'; }");
            Assert.True(outline is "none" or "", $"{path}: the h1 draws a focus outline ({outline})");
        }
        Assert.True(overflowing.Count == 0, "Wider than the screen:\n" + string.Join('\n', overflowing));
        Assert.True(truncated.Count == 0, "Field labels cut short:\n" + string.Join('\n', truncated));
        if (!phone)
        {
            app.AssertNoCspViolations();
            return;
        }

        // Issue 24 item 13: on a phone the top bar has the inbox (the menu is folded away) and search results are readable.
        await app.Page.SetViewportSizeAsync(390, 844);
        await app.Page.GotoAsync("/");
        await app.WaitForCircuitAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=topbar-inbox]")).ToBeVisibleAsync();
        var customerName = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{contactId}")).GetProperty("name").GetString()!;
        await app.Page.FillAsync("input[data-testid=global-search-input], [data-testid=global-search-input] input", customerName[..Math.Min(5, customerName.Length)]);
        var result = app.Page.Locator("[data-testid=global-search-result]").First;
        await Assertions.Expect(result).ToBeVisibleAsync();
        // Measured in the page in one step: the list re-renders as the search settles, and a box read between a visibility
        // check and the measurement could belong to a detached row (null).
        var resultWidth = await result.EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        Assert.True(resultWidth >= 300, $"search results are {resultWidth} px wide on a 390 px phone");
        await app.Page.SetViewportSizeAsync(1440, 900);
        await Assertions.Expect(app.Page.Locator("[data-testid=topbar-inbox]")).ToBeHiddenAsync();
        app.AssertNoCspViolations();
    }

    /// <summary>Printing a booking gives the chef's event sheet: the party and the customer, without the app's bars, actions or history.</summary>
    [BrowserFact]
    public async Task A_printed_booking_is_the_chefs_event_sheet()
    {
        await using var app = await BrowserApp.StartAsync(f => f.With("Seed:Demo", "true"));
        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var api = await app.Factory.CreateAdminClientAsync();
        var bookings = await api.GetFromJsonAsync<JsonElement>("/api/v1/bookings?pageSize=200");
        var id = bookings.GetProperty("items").EnumerateArray().First(b => b.GetProperty("status").GetString() == "confirmed").GetProperty("id").GetString();

        await app.Page.GotoAsync($"/bookings/{id}");
        await app.WaitForCircuitAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=booking-actions]")).ToBeVisibleAsync();
        await app.Page.EmulateMediaAsync(new() { Media = Media.Print });
        Directory.CreateDirectory(ScreenshotDir);
        await app.Page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDir, "booking-print.png"), FullPage = true });
        await Assertions.Expect(app.Page.Locator("[data-testid=booking-customer]")).ToBeVisibleAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=booking-summary]")).ToBeVisibleAsync();
        foreach (var hidden in new[] { ".mud-appbar", ".mud-drawer", "[data-testid=booking-actions]", "[data-testid=booking-timeline]", "[data-testid=print-sheet]" })
        {
            await Assertions.Expect(app.Page.Locator(hidden).First).ToBeHiddenAsync();
        }
    }
}
