using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Features.Bookings.Sheet;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.Features.Bookings.Sheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HibachiAdmin.Tests.Browser;

[Collection(TestCollections.MoreJourneys)]
public sealed class ChefSheetOnAPhoneJourneyTests
{
    /// <summary>
    /// Issue 27's journey: staff assign a chef on the booking page; the chef opens the texted link on a 390 px phone without
    /// an account, sees the allergies first, says they are on the way and reports the party done; Home shows it live, and
    /// the staff sheet prints on one page.
    /// </summary>
    [BrowserFact]
    public async Task A_chef_opens_the_texted_sheet_on_a_phone_and_reports_the_party_day()
    {
        await using var app = await BrowserApp.StartAsync(f => f.With("Hangfire:ProcessJobs", "false"));
        var services = app.Factory.Services;
        var api = await app.Factory.CreateAdminClientAsync();
        var chefPhone = TestPhones.Next();
        var chef = await (await api.PostAsJsonAsync("/api/v1/chefs", new { name = "Rin Phone", phone = chefPhone.Typed })).Content.ReadFromJsonAsync<JsonElement>();
        var contact = await (await api.PostAsJsonAsync("/api/v1/contacts", new { name = "Sol Garcia", phone = TestPhones.Next().Typed })).Content.ReadFromJsonAsync<JsonElement>();
        // Today in the business's time zone, late: the link works all day whenever the test runs.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")));
        var booking = await (await api.PostAsJsonAsync("/api/v1/bookings", new { contactId = contact.GetProperty("id").GetString(), eventDate = today.ToString("yyyy-MM-dd"),
            eventTime = "23:00", guestCount = 14, pricePerPerson = 60, address = "12 Bedford Ave", zip = "11211" })).Content.ReadFromJsonAsync<JsonElement>();
        var bookingId = booking.GetProperty("id").GetString();
        await api.PostAsync($"/api/v1/bookings/{bookingId}/confirm", null);
        (await api.PutAsJsonAsync($"/api/v1/bookings/{bookingId}/sheet", new
        {
            gateNotes = "Side gate, code 2207", setting = "outdoor",
            dietary = new[] { new { what = "tree nuts", guests = 1, severity = "anaphylaxis" }, new { what = "no pork", guests = 4, severity = "preference" } },
        })).EnsureSuccessStatusCode();

        // Staff put the chef on the party from the booking page.
        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        await app.Page.GotoAsync($"/bookings/{bookingId}");
        await app.WaitForCircuitAsync();
        await app.Page.ClickAsync("[data-testid=chef-select]");
        await app.Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Rin Phone" }).First.ClickAsync();
        await app.Page.ClickAsync("[data-testid=assign-chef]");
        await Assertions.Expect(app.Page.Locator("[data-testid=assigned-chef]")).ToContainTextAsync("Rin Phone");

        // The text goes out (made due now whatever the hour of the run: quiet hours are tested elsewhere).
        await Pipeline.RunToCompletionAsync(services);
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Set<ChefNotice>().ExecuteUpdateAsync(s => s.SetProperty(n => n.DueAt, DateTime.UtcNow.AddMinutes(-1)));
        }
        using (var scope = services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ChefNoticesJob>().RunAsync(default);
        }
        var text = Assert.Single(await SheetTestKit.TextsToAsync(services, chefPhone.E164)).Text;
        var link = SheetTestKit.LinkPath(text);

        // The office watches Home while the chef works.
        await app.Page.GotoAsync("/");
        await app.WaitForCircuitAsync();
        var party = app.Page.Locator("[data-testid=today-party]", new() { HasText = "Sol Garcia" });
        await Assertions.Expect(party.Locator("[data-testid=today-party-step]")).ToContainTextAsync("Not started");

        // The chef, on a phone, not signed in.
        await using var phone = await app.Context.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await phone.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + link);
        var first = page.Locator("[data-testid=event-sheet] > section").First;
        await Assertions.Expect(first).ToHaveAttributeAsync("data-testid", "sheet-dietary");
        await Assertions.Expect(first.Locator("strong").First).ToHaveTextAsync("Anaphylaxis (life-threatening): tree nuts — 1 guest");
        await Assertions.Expect(page.Locator("[data-testid=sheet-where]")).ToContainTextAsync("Side gate, code 2207");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the sheet fits a 390 px phone");

        await page.ClickAsync("#sheet-on-the-way");
        await Assertions.Expect(page.Locator("[data-testid=sheet-message]")).ToContainTextAsync("on the way");
        await page.ClickAsync("#sheet-arrived");
        await Assertions.Expect(page.Locator("[data-testid=sheet-message]")).ToContainTextAsync("arrived");
        await page.FillAsync("#actual", "13");
        await page.FillAsync("#notes", "Grill 2 needs a new igniter");
        await page.ClickAsync("#sheet-done");
        await Assertions.Expect(page.Locator("[data-testid=sheet-message]")).ToContainTextAsync("reported done");
        await Assertions.Expect(page.Locator("[data-testid=sheet-actions]")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the reported sheet fits a 390 px phone");

        // Home followed without a reload.
        await Assertions.Expect(party.Locator("[data-testid=today-party-step]")).ToContainTextAsync("Party done");
        await Assertions.Expect(party.Locator("[data-testid=today-party-chefs]")).ToHaveTextAsync("Chef: Rin Phone");
        // Staff print the sheet: one US Letter page.
        await app.Page.GotoAsync($"/bookings/{bookingId}/sheet");
        await app.WaitForCircuitAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=sheet-dietary]")).ToContainTextAsync("tree nuts");
        var pdf = System.Text.Encoding.Latin1.GetString(await app.Page.PdfAsync(new PagePdfOptions { Format = "Letter", PrintBackground = true }));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(pdf, @"/Type\s*/Page(?!s)"));

        var sheet = await api.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{bookingId}/sheet");
        Assert.Equal(13, sheet.GetProperty("actualGuests").GetInt32());
        Assert.Equal("completed", (await api.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{bookingId}")).GetProperty("status").GetString());
        app.AssertNoCspViolations();
    }
}
