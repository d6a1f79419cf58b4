using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Payments;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.Features.Bookings.Chefs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Bookings.Sheet;

/// <summary>What the sheet says: allergies first and in bold, the accepted quote's menu, and facts that replay rebuilds.</summary>
public sealed class EventSheetTests(ChefTestApp t) : IClassFixture<ChefTestApp>
{
    private static object Details(params object[] dietary) => new
    {
        arrivalTime = "17:00", serveTime = "18:30", gateNotes = "Code 4512", parkingNotes = "Driveway", setting = "outdoor", adults = 10, children = 2,
        dietary, equipment = new[] { new { item = "Grill", quantity = 2 }, new { item = "Propane tank", quantity = 3 } }, notes = "Birthday: candles at 19:30",
    };

    [Fact]
    public async Task The_sheet_lists_allergies_first_most_serious_first_and_in_bold_on_the_chefs_phone()
    {
        var (chef, phone) = await t.ChefAsync("Eve Sheet");
        var party = await t.BookingAsync("Fox Host", "2026-12-03", "18:00");
        var saved = await t.Staff.PutAsJsonAsync($"/api/v1/bookings/{party}/sheet", Details(
            new { what = "no onions", guests = 2, severity = "preference" },
            new { what = "peanuts", guests = 1, severity = "anaphylaxis" },
            new { what = "gluten", guests = 3, severity = "intolerance" },
            new { what = "shellfish", guests = 2, severity = "allergy" }));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var sheet = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["peanuts", "shellfish", "gluten", "no onions"], sheet.GetProperty("dietary").EnumerateArray().Select(d => d.GetProperty("what").GetString()!).ToArray());

        await t.AssignAsync(party, chef);
        await SheetTestKit.TextChefsAsync(t.App.Services);
        var link = SheetTestKit.LinkPath(Assert.Single(await SheetTestKit.TextsToAsync(t.App.Services, phone.E164)).Text);
        var html = await t.App.CreateClient().GetStringAsync(link);
        var body = html[html.IndexOf("data-testid=\"event-sheet\"", StringComparison.Ordinal)..];
        // The first section of the sheet is the dietary one, and each need is bold, the most serious first.
        Assert.Equal(body.IndexOf("<section", StringComparison.Ordinal), body.IndexOf("<section class=\"sheet-dietary\"", StringComparison.Ordinal));
        var peanuts = body.IndexOf("<strong>Anaphylaxis (life-threatening): peanuts — 1 guest</strong>", StringComparison.Ordinal);
        var shellfish = body.IndexOf("<strong>Allergy: shellfish — 2 guests</strong>", StringComparison.Ordinal);
        var onions = body.IndexOf("<strong>Preference: no onions — 2 guests</strong>", StringComparison.Ordinal);
        Assert.True(peanuts > 0 && peanuts < shellfish && shellfish < onions, body[..Math.Min(body.Length, 2000)]);
        Assert.True(onions < body.IndexOf("data-testid=\"sheet-when\"", StringComparison.Ordinal));
        Assert.Contains("Code 4512", body);
        Assert.Contains("Propane tank × 3", body);
        Assert.Contains("https://www.google.com/maps/search/?api=1&amp;query=1%20Main%20St%2010001", body);
    }

    [Fact]
    public async Task Dietary_guests_above_the_guaranteed_count_are_refused_naming_the_entry()
    {
        var party = await t.BookingAsync("Gus Host", "2026-12-03", "12:00"); // 12 guests
        var response = await t.Staff.PutAsJsonAsync($"/api/v1/bookings/{party}/sheet", Details(new { what = "dairy", guests = 13, severity = "intolerance" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("dietary[0].guests", out _));
        var bad = await t.Staff.PutAsJsonAsync($"/api/v1/bookings/{party}/sheet", new { dietary = new[] { new { what = "dairy", guests = 1, severity = "deadly" } } });
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("dietary[0].severity", out _));
        Assert.Equal(1, await t.EventCountAsync(party));
    }

    [Fact]
    public async Task The_menu_comes_from_the_accepted_quote_and_before_one_the_package()
    {
        var party = await t.BookingAsync("Hal Host", "2026-12-04", "18:00");
        var before = await t.Staff.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{party}/sheet");
        Assert.False(before.TryGetProperty("menu", out var none) && none.ValueKind != JsonValueKind.Null, "no menu before a quote is accepted");

        var quote = await (await t.Staff.PostAsJsonAsync($"/api/v1/bookings/{party}/quotes", new { adults = 10, children = 2 })).Content.ReadFromJsonAsync<JsonElement>();
        var token = quote.GetProperty("url").GetString()!.Split('/')[^1];
        var payments = t.App.Services.GetRequiredService<PaymentsService>();
        Assert.True((await payments.AcceptAsync(token, Guid.Parse(quote.GetProperty("id").GetString()!), "Hal Host", "127.0.0.1", "test", default)).Ok);

        var menu = (await t.Staff.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{party}/sheet")).GetProperty("menu");
        Assert.Equal(1, menu.GetProperty("quoteVersion").GetInt32());
        Assert.Equal(10, menu.GetProperty("adults").GetInt32());
        Assert.Equal(2, menu.GetProperty("children").GetInt32());
        Assert.NotEmpty(menu.GetProperty("lines").EnumerateArray());
    }

    [Fact]
    public async Task Replay_rebuilds_the_guest_count_its_log_and_the_sheet_from_the_events()
    {
        var party = await t.BookingAsync("Ian Host", "2026-12-20", "18:00");
        Assert.Equal(HttpStatusCode.OK, (await t.Staff.PostAsJsonAsync($"/api/v1/bookings/{party}/guest-count", new { count = 15 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.Staff.PostAsJsonAsync($"/api/v1/bookings/{party}/guest-count", new { count = 14, reason = "One less" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.Staff.PutAsJsonAsync($"/api/v1/bookings/{party}/sheet", Details(new { what = "sesame", guests = 1, severity = "allergy" }))).StatusCode);
        var expected = (await t.Staff.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{party}/sheet")).GetRawText();

        await using (var db = await t.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Set<BookingSheetRow>().ExecuteDeleteAsync();
            await db.Set<BookingRow>().Where(r => r.Id == Guid.Parse(party)).ExecuteUpdateAsync(s => s.SetProperty(r => r.GuestCount, 99));
        }
        Assert.Equal(99, (await t.Staff.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{party}")).GetProperty("guestCount").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await t.Admin.PostAsync("/api/v1/admin/events/replay", null)).StatusCode);
        Assert.Equal(expected, (await t.Staff.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{party}/sheet")).GetRawText());
    }

    [Fact]
    public async Task The_day_of_steps_come_from_the_chef_on_the_partys_day_and_home_shows_them()
    {
        var (chef, _) = await t.ChefAsync("Jan Today");
        var today = await t.BookingAsync("Kat Today", "2026-11-24", "18:00"); // the frozen clock's day
        var tomorrow = await t.BookingAsync("Lux Tomorrow", "2026-11-25", "18:00");
        Assert.Equal(HttpStatusCode.OK, (await t.Staff.PostAsync($"/api/v1/bookings/{today}/confirm", null)).StatusCode);
        await t.AssignAsync(today, chef);
        await t.AssignAsync(tomorrow, chef);
        var chefId = Guid.Parse(chef);

        var early = await t.Bookings.ReportStepAsync(Guid.Parse(tomorrow), chefId, "Jan Today", false, default);
        Assert.Contains("from that day on", early.Conflict);
        var (other, _) = await t.ChefAsync("Kim Elsewhere");
        Assert.NotNull((await t.Bookings.ReportStepAsync(Guid.Parse(today), Guid.Parse(other), "Kim Elsewhere", false, default)).Conflict);

        Assert.NotNull((await t.Bookings.ReportStepAsync(Guid.Parse(today), chefId, "Jan Today", false, default)).Booking);
        Assert.NotNull((await t.Bookings.ReportStepAsync(Guid.Parse(today), chefId, "Jan Today", false, default)).Booking); // a second tap: nothing new
        var home = t.App.Services.GetRequiredService<IPartiesOfTheDay>();
        var onTheWay = Assert.Single(await home.OnAsync(new DateOnly(2026, 11, 24), default), p => p.BookingId == Guid.Parse(today));
        Assert.Equal(DayOfStep.OnTheWay, onTheWay.Step);
        Assert.Equal(["Jan Today"], onTheWay.ChefNames);

        Assert.NotNull((await t.Bookings.ReportStepAsync(Guid.Parse(today), chefId, "Jan Today", true, default)).Booking);
        var done = await t.Bookings.ReportDoneAsync(Guid.Parse(today), 11, " Great crowd ", chefId, ChefTestApp.Actor, default);
        Assert.Equal(BookingStatus.Completed, done.Booking!.Status);
        var sheet = await t.Staff.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{today}/sheet");
        Assert.Equal(("done", 11, "Great crowd"), (sheet.GetProperty("step").GetString(), sheet.GetProperty("actualGuests").GetInt32(), sheet.GetProperty("doneNotes").GetString()));
        Assert.Equal(DayOfStep.Done, Assert.Single(await home.OnAsync(new DateOnly(2026, 11, 24), default), p => p.BookingId == Guid.Parse(today)).Step);
        Assert.NotNull((await t.Bookings.ReportDoneAsync(Guid.Parse(today), 11, null, chefId, ChefTestApp.Actor, default)).Conflict);
        var events = (await t.Staff.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{today}/events")).EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToList();
        Assert.Equal(1, events.Count(e => e == BookingEventTypes.ChefOnTheWay));
        Assert.Equal([BookingEventTypes.ChefArrived, BookingEventTypes.PartyDone, BookingEventTypes.Completed], events.TakeLast(3).ToArray());
    }

    [Fact]
    public async Task A_chef_taken_off_the_party_loses_the_link()
    {
        var (chef, phone) = await t.ChefAsync("Lia Off");
        var party = await t.BookingAsync("Mia Host", "2026-12-05", "12:00");
        await t.AssignAsync(party, chef);
        await SheetTestKit.TextChefsAsync(t.App.Services);
        var link = SheetTestKit.LinkPath(Assert.Single(await SheetTestKit.TextsToAsync(t.App.Services, phone.E164)).Text);
        var anonymous = t.App.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(link)).StatusCode);
        await t.Staff.DeleteAsync($"/api/v1/bookings/{party}/chefs/{chef}");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(link)).StatusCode);
    }
}
