using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HibachiAdmin.Tests.Browser;

/// <summary>
/// The calendar as staff use it: on a 1440 px desktop a party is dragged to another day, confirmed, and a reload shows it
/// there (and the booking says so); every text meets AA contrast; on a 390 px phone the week is a list with a Move action
/// and nothing is wider than the screen.
/// </summary>
[Collection(TestCollections.MoreJourneys)]
public sealed class CalendarJourneyTests
{
    [BrowserFact]
    public async Task Drag_a_party_to_another_day_reload_shows_it_moved_and_the_phone_week_list_fits()
    {
        await using var app = await BrowserApp.StartAsync();
        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var api = await app.Factory.CreateAdminClientAsync();
        var contact = await (await api.PostAsJsonAsync("/api/v1/contacts", new { name = "Harper Quinn", phone = TestPhones.Next().Typed })).Content.ReadFromJsonAsync<JsonElement>();
        // Next week's Tuesday and Thursday: always ahead, and in one row of the month grid.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var tuesday = today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7 + 1);
        var thursday = tuesday.AddDays(2);
        var created = await api.PostAsJsonAsync("/api/v1/bookings", new
        {
            contactId = contact.GetProperty("id").GetGuid(), eventDate = tuesday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), eventTime = "18:00",
            guestCount = 24, pricePerPerson = 60, address = "9 Lake St", zip = "10001",
        });
        created.EnsureSuccessStatusCode();
        var bookingId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var party = $"[data-testid=party-{bookingId}]";
        var (from, to) = ($"[data-testid=day-{tuesday:yyyy-MM-dd}]", $"[data-testid=day-{thursday:yyyy-MM-dd}]");

        await app.Page.SetViewportSizeAsync(1440, 900);
        await app.Page.GotoAsync($"/calendar?view=month&date={tuesday:yyyy-MM-dd}");
        await app.WaitForCircuitAsync();
        await Assertions.Expect(app.Page.Locator($"{from} {party}")).ToBeVisibleAsync();
        Assert.Empty(await TextContrast.FailuresAsync(app.Page));

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await app.Page.Locator(party).DragToAsync(app.Page.Locator(to));
            try
            {
                await app.Page.WaitForSelectorAsync("[data-testid=move-confirm]", new() { Timeout = 3_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 4)
            {
            }
        }
        // Telling the customer is off unless someone turns it on.
        Assert.False(await app.Page.Locator("input[data-testid=move-tell], [data-testid=move-tell] input").First.IsCheckedAsync());
        await app.Page.ClickAsync("[data-testid=move-confirm]");
        await Assertions.Expect(app.Page.Locator($"{to} {party}")).ToBeVisibleAsync();

        await app.Page.ReloadAsync();
        await app.WaitForCircuitAsync();
        await Assertions.Expect(app.Page.Locator($"{to} {party}")).ToBeVisibleAsync();
        await Assertions.Expect(app.Page.Locator($"{from} {party}")).ToHaveCountAsync(0);
        var booking = await api.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{bookingId}");
        Assert.Equal(thursday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), booking.GetProperty("eventDate").GetString());

        // The week view at 1440 px reads well too.
        await app.Page.GotoAsync($"/calendar?view=week&date={thursday:yyyy-MM-dd}");
        await app.WaitForCircuitAsync();
        await Assertions.Expect(app.Page.Locator($"[data-testid=slot-{thursday:yyyy-MM-dd}-18] {party}")).ToBeVisibleAsync();
        Assert.Empty(await TextContrast.FailuresAsync(app.Page));

        // A 390 px phone: the week as a list, a Move action per party, nothing wider than the screen.
        await app.Page.SetViewportSizeAsync(390, 844);
        await app.Page.ReloadAsync();
        await app.WaitForCircuitAsync();
        await Assertions.Expect(app.Page.Locator($"[data-testid=list-day-{thursday:yyyy-MM-dd}] [data-testid=list-party-{bookingId}]")).ToBeVisibleAsync();
        await Assertions.Expect(app.Page.Locator($"[data-testid=move-{bookingId}]")).ToBeVisibleAsync();
        var widths = await app.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"scrollWidth {widths[0]} > innerWidth {widths[1]} on a 390 px phone");
        Assert.Empty(await TextContrast.FailuresAsync(app.Page));
        await app.Page.ClickAsync($"[data-testid=move-{bookingId}]");
        await Assertions.Expect(app.Page.Locator("[data-testid=move-summary]")).ToContainTextAsync("Harper Quinn");
        await app.Page.ClickAsync("[data-testid=move-cancel]");
    }
}
