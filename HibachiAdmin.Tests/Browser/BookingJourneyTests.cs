using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HibachiAdmin.Tests.Browser;

[Collection(TestCollections.MoreJourneys)]
public sealed class BookingJourneyTests
{
    /// <summary>The front desk turns a quoted lead into a booking, confirms it, and the board shows the lead Booked with its booking.</summary>
    [BrowserFact]
    public async Task A_lead_becomes_a_booking_and_confirming_it_moves_the_lead_to_Booked()
    {
        await using var app = await BrowserApp.StartAsync();
        var api = await app.Factory.CreateAdminClientAsync();
        var contact = await (await api.PostAsJsonAsync("/api/v1/contacts", new { name = "Ava Miller", phone = "(718) 555-0142" })).Content.ReadFromJsonAsync<JsonElement>();
        var eventDate = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd");
        var lead = await (await api.PostAsJsonAsync("/api/v1/leads", new
        {
            contactId = contact.GetProperty("id").GetString(), source = "instagram", status = "quoted", eventDate, guestCount = 22, zip = "11215", occasion = "Birthday",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var leadId = lead.GetProperty("id").GetString();

        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        await app.Page.GotoAsync($"/leads?lead={leadId}");
        await app.WaitForCircuitAsync();
        await app.ClickUntilAsync("[data-testid=create-booking]", "[data-testid=save-booking]");
        // Pre-filled from the lead: 22 guests, and the lead picked.
        await Assertions.Expect(app.Page.Locator("input[data-testid=booking-guests]")).ToHaveValueAsync("22");
        await Assertions.Expect(app.Page.Locator("input[data-testid=booking-lead]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Quoted · Instagram · Birthday"));
        await app.Page.ClickAsync("[data-testid=save-booking]");

        await app.Page.WaitForURLAsync("**/bookings/*");
        await Assertions.Expect(app.Page.Locator("[data-testid=booking-customer]")).ToContainTextAsync("Ava Miller");
        await Assertions.Expect(app.Page.Locator("[data-testid=booking-total]")).ToHaveTextAsync("$1,320");
        await Assertions.Expect(app.Page.Locator("[data-testid=complete-booking]")).ToHaveCountAsync(0);
        await app.Page.ClickAsync("[data-testid=confirm-booking]");
        await Assertions.Expect(app.Page.Locator("[data-testid=booking-status]")).ToHaveTextAsync("Confirmed");
        await Assertions.Expect(app.Page.Locator("[data-testid=confirm-booking]")).ToHaveCountAsync(0);
        await Assertions.Expect(app.Page.Locator("[data-testid=booking-timeline]")).ToContainTextAsync("Confirmed");

        // The saga moves the lead from the outbox, a moment after the confirmation commits.
        var card = $"[data-testid=lead-column-booked] [data-testid=lead-card-{leadId}]";
        await Eventually.UntilAsync(async () =>
        {
            await app.Page.GotoAsync("/leads");
            await app.WaitForCircuitAsync();
            try
            {
                await app.Page.WaitForSelectorAsync(card, new() { Timeout = 3_000 });
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }, "the lead to reach the Booked column after the booking is confirmed", TimeSpan.FromSeconds(60));
        await Assertions.Expect(app.Page.Locator($"[data-testid=lead-booking-{leadId}]")).ToContainTextAsync("Booking confirmed");
        app.AssertNoCspViolations();
    }
}
