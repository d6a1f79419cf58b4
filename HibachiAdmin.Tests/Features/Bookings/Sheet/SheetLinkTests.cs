using System.Net;
using HibachiAdmin.Features.Bookings.Sheet;
using HibachiAdmin.Tests.Features.Bookings.Chefs;

namespace HibachiAdmin.Tests.Features.Bookings.Sheet;

/// <summary>
/// A chef's texted link opens their party's sheet without an account until 6 hours after the party ends; afterwards, for
/// a chef taken off the party, or for any other token, it is a 404 that says nothing about the party.
/// </summary>
public sealed class SheetLinkTests(ChefTestApp t) : IClassFixture<ChefTestApp>
{
    [Fact]
    public async Task The_link_works_to_the_last_second_of_its_grace_and_is_a_404_from_then_and_for_a_token_it_was_not_given()
    {
        var (chef, phone) = await t.ChefAsync("Abe Link");
        var (other, otherPhone) = await t.ChefAsync("Bea Link");
        var party = await t.BookingAsync("Cal Host", "2026-11-28", "18:00"); // ends 21:00 New York = 02:00 UTC on the 29th
        var second = await t.BookingAsync("Dot Host", "2026-11-28", "12:00");
        await t.AssignAsync(party, chef);
        await t.AssignAsync(second, other);
        await SheetTestKit.TextChefsAsync(t.App.Services);
        var link = SheetTestKit.LinkPath(Assert.Single(await SheetTestKit.TextsToAsync(t.App.Services, phone.E164)).Text);
        var otherLink = SheetTestKit.LinkPath(Assert.Single(await SheetTestKit.TextsToAsync(t.App.Services, otherPhone.E164)).Text);
        var anonymous = t.App.CreateClient();

        var page = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Cal Host", html);
        Assert.DoesNotContain("Dot Host", html);
        Assert.Contains("Dot Host", await anonymous.GetStringAsync(otherLink)); // each link opens its own party only

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/sheet/{SheetTokens.New()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/sheet/not-a-token")).StatusCode);

        var end = new DateTimeOffset(2026, 11, 29, 2, 0, 0, TimeSpan.Zero);
        t.App.Time!.SetUtcNow(end + SheetService.LinkGrace - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(link)).StatusCode);
        t.App.Time.SetUtcNow(end + SheetService.LinkGrace);
        var expired = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.DoesNotContain("Cal Host", await expired.Content.ReadAsStringAsync());
    }
}
