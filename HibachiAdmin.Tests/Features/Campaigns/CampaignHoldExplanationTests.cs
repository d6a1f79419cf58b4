using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Infrastructure.Identity;

namespace HibachiAdmin.Tests.Features.Campaigns;

/// <summary>
/// The campaign preview explains every hold and groups them by rule and send time: a Sunday-morning campaign holds Texans
/// until Texas's Sunday noon (in their zone), a New Yorker with a party in Texas until noon in New York, Mississippi
/// until Monday; Floridians go at once.
/// </summary>
public sealed class CampaignHoldExplanationTests(FrozenAppFactory app) : IClassFixture<FrozenAppFactory>
{
    private async Task<Guid> OptedInAsync(HttpClient client, string name, TestPhone phone)
    {
        var created = await client.PostAsJsonAsync("/api/v1/contacts", new { name, phone = phone.Typed, smsConsent = "optedIn", consentSource = "web-form" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await PersonConsent.SetAsync(app.Services, id, HibachiAdmin.Features.Contacts.Contracts.SmsConsent.OptedIn);
        return id;
    }

    [Fact]
    public async Task The_preview_groups_holds_by_rule_and_says_when_each_group_goes_out()
    {
        var marketing = await app.CreateClientInRoleAsync(Roles.Marketing);
        var texan1 = await OptedInAsync(marketing, "Tex Austin", TestPhones.Next("512"));
        var texan2 = await OptedInAsync(marketing, "Tia Austin", TestPhones.Next("512"));
        var floridian = await OptedInAsync(marketing, "Flo Miami", TestPhones.Next("305"));
        var mississippian = await OptedInAsync(marketing, "Mo Jackson", TestPhones.Next("601"));
        var newYorker = await OptedInAsync(marketing, "Nia York", TestPhones.Next("212"));
        // Her party is in Austin: Texas's rules follow her there.
        var booking = await marketing.PostAsJsonAsync("/api/v1/bookings", new { contactId = newYorker, eventDate = "2026-12-12", guestCount = 12, pricePerPerson = 60, address = "12 Congress Ave, Austin, TX 78701" });
        Assert.Equal(HttpStatusCode.Created, booking.StatusCode);

        var create = await marketing.PostAsJsonAsync("/api/v1/sms-campaigns", new
        {
            name = "Sunday brunch", message = "Brunch hibachi this Sunday!",
            audience = new { contactIds = new[] { texan1, texan2, floridian, mississippian, newYorker } },
        });
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var id = (await create.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        // Sunday 2026-11-29 14:30 UTC: 09:30 in New York and Miami, 08:30 in Austin and Jackson.
        var send = await marketing.PostAsJsonAsync($"/api/v1/sms-campaigns/{id}/send", new { sendAt = "2026-11-29T14:30:00Z" });
        Assert.Equal(HttpStatusCode.OK, send.StatusCode);

        var preview = await marketing.GetFromJsonAsync<JsonElement>($"/api/v1/sms-campaigns/{id}/preview");
        var items = preview.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("contactId").GetGuid());
        Assert.True(items[floridian].GetProperty("eligible").GetBoolean());
        Assert.Equal("quietHours", items[texan1].GetProperty("reason").GetString());
        Assert.Equal("2026-11-29T18:00:00Z", items[texan1].GetProperty("earliestSendAt").GetDateTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        const string texas = "Texas allows 12:00–21:00 on Sundays (Tex. Bus. & Com. Code 301.051; SB 140 (2025) amended chs. 302/304/305)";
        Assert.Equal($"Held until Sunday 12:00 CT — {texas}", items[texan1].GetProperty("explanation").GetString());

        var groups = preview.GetProperty("groups").EnumerateArray()
            .Select(g => (Reason: g.GetProperty("reason").GetString(), Rule: g.GetProperty("rule").GetString(), Text: g.GetProperty("explanation").GetString(),
                Count: g.GetProperty("count").GetInt32(), At: g.GetProperty("earliestSendAt").GetDateTime().ToUniversalTime()))
            .ToList();
        Assert.Equal(
        [
            ("quietHours", "TX:sunday", $"Held until Sunday 12:00 ET — {texas}", 1, new DateTime(2026, 11, 29, 17, 0, 0, DateTimeKind.Utc)),
            ("quietHours", "TX:sunday", $"Held until Sunday 12:00 CT — {texas}", 2, new DateTime(2026, 11, 29, 18, 0, 0, DateTimeKind.Utc)),
            ("quietHours", "MS:weekday", "Held until Monday 08:00 CT — Mississippi allows no texts on Sundays, and 08:00–20:00 on weekdays "
                + "(Miss. Code Ann. 77-3-723(1) (Mississippi Telephone Solicitation Act); see also 77-3-603(a))", 1, new DateTime(2026, 11, 30, 14, 0, 0, DateTimeKind.Utc)),
        ], groups);
    }
}
