using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Features.QrCodes;
using HibachiAdmin.Tests.Features.QrCodes;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HibachiAdmin.Tests.Browser;

[Collection(TestCollections.MoreJourneys)]
public sealed class QrInquiryJourneyTests
{
    [BrowserFact]
    public async Task A_phone_scans_a_table_code_fills_the_form_and_the_lead_reaches_the_board_attributed_to_the_code()
    {
        await using var app = await BrowserApp.StartAsync(f => QrTestApp.Fast(f));
        var code = await app.Factory.CreateCodeAsync(new QrCodeInput { Name = "Harbor Hall table 7", Type = QrCodeType.Table, UsesInquiryForm = true, Venue = "Harbor Hall", TableNumber = 7 });

        // The phone: 390 px wide, scanning the printed code.
        await app.Page.SetViewportSizeAsync(390, 844);
        await app.Page.GotoAsync($"/q/{code.Slug}?qr=1");
        Assert.EndsWith($"/inquiry/{code.Slug}", new Uri(app.Page.Url).AbsolutePath);
        await Assertions.Expect(app.Page.Locator("h1")).ToHaveTextAsync("Book a hibachi party");
        Assert.True(await app.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the form fits a 390 px phone");

        // A first submit with a bad phone shows the message next to the field.
        await app.Page.FillAsync("#Form\\.Name", "Maria Lopez");
        await app.Page.FillAsync("#Form\\.Phone", "12");
        await app.Page.FillAsync("#Form\\.Guests", "25");
        await app.Page.ClickAsync("#inquiry-submit");
        await Assertions.Expect(app.Page.Locator(".field-error", new() { HasText = "US phone number" })).ToBeVisibleAsync();

        await app.Page.FillAsync("#Form\\.Phone", "(305) 555-0177");
        await app.Page.FillAsync("#Form\\.Guests", "25");
        await app.Page.FillAsync("#Form\\.EventDate", DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd"));
        await app.Page.FillAsync("#Form\\.Zip", "33101");
        await app.Page.FillAsync("#Form\\.Message", "Birthday for my dad");
        await app.Page.CheckAsync("#Form\\.SmsConsent");
        await app.Page.ClickAsync("#inquiry-submit");
        await Assertions.Expect(app.Page.Locator("[data-testid=inquiry-thanks]")).ToBeVisibleAsync();

        // The scan was counted once, as a printed scan by this phone.
        var scan = Assert.Single(await app.Factory.ScansEventuallyAsync(1));
        Assert.Equal((ScanChannel.Printed, code.Id), (scan.Channel, scan.QrCodeId));

        // Staff see the lead on the board, attributed to the code.
        var api = await app.Factory.CreateAdminClientAsync();
        var leads = await api.GetFromJsonAsync<JsonElement>("/api/v1/leads?source=qrCode");
        var lead = Assert.Single(leads.GetProperty("items").EnumerateArray());
        Assert.Equal(code.Id.ToString(), lead.GetProperty("qrCodeId").GetString());
        Assert.Equal("Maria Lopez", lead.GetProperty("contactName").GetString());
        Assert.Equal(25, lead.GetProperty("guestCount").GetInt32());

        await app.Page.SetViewportSizeAsync(1600, 1000);
        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        await app.Page.GotoAsync("/leads");
        await app.WaitForCircuitAsync();
        var card = app.Page.Locator($"[data-testid=lead-column-new] [data-testid=lead-card-{lead.GetProperty("id").GetString()}]");
        await Assertions.Expect(card).ToContainTextAsync("Maria Lopez");
        await app.ClickUntilAsync($"[data-testid=lead-card-{lead.GetProperty("id").GetString()}]", "[data-testid=lead-detail]");
        await Assertions.Expect(app.Page.Locator("[data-testid=lead-detail]")).ToContainTextAsync("QR code");

        // And the code's analytics count the lead for the table.
        await app.Page.GotoAsync($"/qr-codes/analytics?code={code.Id}");
        await app.WaitForCircuitAsync();
        var row = app.Page.Locator("[data-testid=placements] tr", new() { HasText = "Harbor Hall table 7" });
        await Assertions.Expect(row).ToContainTextAsync("Harbor Hall · table 7");
        await Assertions.Expect(app.Page.Locator("[data-testid=kpi-leads]")).ToHaveTextAsync("1");
        app.AssertNoCspViolations();
    }
}
