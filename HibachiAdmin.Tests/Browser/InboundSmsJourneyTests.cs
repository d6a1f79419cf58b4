using System.Text;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HibachiAdmin.Tests.Browser;

[Collection(TestCollections.Journeys)]
public sealed class InboundSmsJourneyTests
{
    [BrowserFact]
    public async Task A_texted_booking_inquiry_shows_in_the_inbox_and_on_the_lead_board()
    {
        await using var app = await BrowserApp.StartAsync(f => f.With("RingCentral:VerificationToken", "journey-token"));
        var body = Fixtures.Read("ringcentral-inbound-sms.json")
            .Replace("Hi, can I move my cleaning to Friday morning?", "Hello! Hibachi for my daughter's birthday Dec 5th, party of 14?", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ringcentral/webhooks/sms") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Verification-Token", "journey-token");
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        Assert.True((await http.SendAsync(request)).IsSuccessStatusCode);

        // Hangfire processes it in the background; wait for the row to be done.
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await Eventually.UntilAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return await db.Set<InboundEvent>().AnyAsync(e => e.ProcessedAt != null);
        }, "Hangfire to process the inbound text");

        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        await app.Page.GotoAsync("/inbox");
        await app.WaitForCircuitAsync();
        var thread = app.Page.Locator("[data-testid=thread-list] .inbox-row", new() { HasText = "(305) 555-0123" });
        await Assertions.Expect(thread).ToBeVisibleAsync();
        await thread.ClickAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=thread-view] [data-testid=message]", new() { HasText = "party of 14" })).ToBeVisibleAsync();

        await app.Page.GotoAsync("/leads");
        await app.WaitForCircuitAsync();
        var card = app.Page.Locator("[data-testid=lead-column-new] .lead-card", new() { HasText = "(305) 555-0123" });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync("14 guests");
    }
}
