using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Bookings.Sheet;

/// <summary>
/// The guaranteed guest count: anyone on staff may change it until the cutoff (<c>Bookings:GuestCountCutoffDays</c>,
/// here 5: from the start of December 9 in New York for a party on December 14); from that instant only a Manager.
/// </summary>
public sealed class GuestCountCutoffTests
{
    [Fact]
    public async Task Staff_change_the_count_until_the_cutoff_second_and_from_it_only_a_manager_can_with_every_change_logged()
    {
        var time = TestClock.Frozen();
        await using var app = new AppFactory { Time = time }.With("Hangfire:ProcessJobs", "false").With("Bookings:GuestCountCutoffDays", "5");
        var staff = await app.CreateClientInRoleAsync(Roles.Staff);
        var contact = (await app.Services.GetRequiredService<ContactService>().FindOrCreateByPhoneAsync(TestPhones.Next().E164, "Zoe Count", default))!.Value.Contact;
        var created = await staff.PostAsJsonAsync("/api/v1/bookings", new { contactId = contact.Id, eventDate = "2026-12-14", eventTime = "18:00", guestCount = 12, pricePerPerson = 50 });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        time.SetUtcNow(new DateTimeOffset(2026, 12, 9, 4, 59, 59, TimeSpan.Zero)); // 23:59:59 on December 8 in New York
        staff = await app.CreateClientInRoleAsync(Roles.Staff);
        var before = await staff.PostAsJsonAsync($"/api/v1/bookings/{id}/guest-count", new { count = 14, reason = "Two cousins" });
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        time.SetUtcNow(new DateTimeOffset(2026, 12, 9, 5, 0, 0, TimeSpan.Zero)); // midnight: the cutoff
        staff = await app.CreateClientInRoleAsync(Roles.Staff);
        var locked = await staff.PostAsJsonAsync($"/api/v1/bookings/{id}/guest-count", new { count = 16 });
        Assert.Equal(HttpStatusCode.Forbidden, locked.StatusCode);
        var problem = await locked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The guest count was locked on Wednesday, December 9, 2026 (5 days before the party): a Manager can still change it.", problem.GetProperty("detail").GetString());

        var manager = await app.CreateClientInRoleAsync(Roles.Manager);
        var changed = await manager.PostAsJsonAsync($"/api/v1/bookings/{id}/guest-count", new { count = 16, reason = "Final count" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var sheet = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{id}/sheet");
        Assert.Equal(16, sheet.GetProperty("guestCount").GetInt32());
        var log = sheet.GetProperty("guestCountLog").EnumerateArray().ToList();
        Assert.Equal([(12, 14, false, "Two cousins"), (14, 16, true, "Final count")],
            log.Select(l => (l.GetProperty("from").GetInt32(), l.GetProperty("to").GetInt32(), l.GetProperty("afterCutoff").GetBoolean(), l.GetProperty("reason").GetString())).ToList());
        Assert.StartsWith("manager-", log[1].GetProperty("by").GetString());
        // Without a quote the booking's price follows the guaranteed count.
        Assert.Equal(800m, (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{id}")).GetProperty("total").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync($"/api/v1/bookings/{id}/guest-count", new { count = 0 })).StatusCode);
    }
}
