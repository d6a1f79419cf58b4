using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Campaigns;

/// <summary>The campaign API exactly as CONTRACT.md writes it: shapes, roles, a send that is a no-op the second time.</summary>
public sealed class CampaignsApiTests
{
    [Fact]
    public async Task Segments_count_exactly_the_given_text_for_any_role()
    {
        await using var app = new AppFactory();
        var staff = await app.CreateClientInRoleAsync(Roles.Staff);
        var gsm = await (await staff.PostAsJsonAsync("/api/v1/sms/segments", new { text = new string('a', 161) })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("GSM-7", 161, 2), (gsm.GetProperty("encoding").GetString(), gsm.GetProperty("units").GetInt32(), gsm.GetProperty("segments").GetInt32()));
        var ucs = await (await staff.PostAsJsonAsync("/api/v1/sms/segments", new { text = "Party time 🎉" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("UCS-2", 13, 1), (ucs.GetProperty("encoding").GetString(), ucs.GetProperty("units").GetInt32(), ucs.GetProperty("segments").GetInt32()));
        var bad = await staff.PostAsJsonAsync("/api/v1/sms/segments", new { text = 42 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("text", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Estimate_create_send_and_deliveries_for_marketing_and_refused_to_staff()
    {
        // 16:00 UTC: 11:00 in New York, inside the window.
        await using var app = new AppFactory { Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero)) }.With("Hangfire:ProcessJobs", "false");
        var marketing = await app.CreateClientInRoleAsync(Roles.Marketing);
        foreach (var (name, phone, consent) in new[] { ("Ava Miller", "(212) 555-0131", "optedIn"), ("Bo Diaz", "(212) 555-0132", "optedIn"), ("Cy Ray", "(212) 555-0133", "none") })
        {
            var created = await marketing.PostAsJsonAsync("/api/v1/contacts", consent == "none"
                ? (object)new { name, phone, tags = new[] { "dec" } }
                : new { name, phone, tags = new[] { "dec" }, smsConsent = consent, consentSource = "web-form" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            if (consent != "none")
            {
                // The API asks; the person's YES opts them in.
                await PersonConsent.SetAsync(app.Services, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), HibachiAdmin.Features.Contacts.Contracts.SmsConsent.OptedIn);
            }
        }
        var audience = new { includeTags = new[] { "dec" }, excludeTags = Array.Empty<string>(), contactIds = Array.Empty<Guid>() };
        var message = "Hi {FirstName|there}! December dates are open.";

        var estimate = await (await marketing.PostAsJsonAsync("/api/v1/sms-campaigns/estimate", new { message, audience })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("GSM-7", estimate.GetProperty("encoding").GetString());
        Assert.Equal(3, estimate.GetProperty("recipients").GetInt32());
        Assert.Equal(2, estimate.GetProperty("eligible").GetInt32());
        Assert.Equal(1, estimate.GetProperty("held").GetProperty("noConsent").GetInt32());
        Assert.Equal(0.04m, estimate.GetProperty("estimatedCost").GetDecimal());
        // The final text is counted: "Hi there! December dates are open. Reply STOP to opt out."
        Assert.Equal("Hi there! December dates are open. Reply STOP to opt out.".Length, estimate.GetProperty("characters").GetInt32());

        var staff = await app.CreateClientInRoleAsync(Roles.Staff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/v1/sms-campaigns/estimate", new { message, audience })).StatusCode);

        var create = await marketing.PostAsJsonAsync("/api/v1/sms-campaigns", new { name = "December", message, audience });
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var id = (await create.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var preview = await marketing.GetFromJsonAsync<JsonElement>($"/api/v1/sms-campaigns/{id}/preview");
        Assert.Equal(3, preview.GetProperty("items").GetArrayLength());
        Assert.Contains(preview.GetProperty("items").EnumerateArray(), i => i.TryGetProperty("reason", out var r) && r.GetString() == "noConsent" && !i.GetProperty("eligible").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await marketing.PostAsJsonAsync($"/api/v1/sms-campaigns/{id}/send", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await marketing.PostAsJsonAsync($"/api/v1/sms-campaigns/{id}/send", new { })).StatusCode); // no-op
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<CampaignSendJob>().RunAsync(default);
        }
        var deliveries = await marketing.GetFromJsonAsync<JsonElement>($"/api/v1/sms-campaigns/{id}/deliveries");
        var statuses = deliveries.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()).Order().ToList();
        Assert.Equal(["sent", "sent", "skipped"], statuses);
        var campaign = await marketing.GetFromJsonAsync<JsonElement>($"/api/v1/sms-campaigns/{id}");
        Assert.Equal("completed", campaign.GetProperty("status").GetString());
        Assert.Equal(2, campaign.GetProperty("counts").GetProperty("sent").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await marketing.GetAsync($"/api/v1/sms-campaigns/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Audience_options_are_accepted_in_range_and_refused_with_the_field_named_outside_it()
    {
        await using var app = new AppFactory { Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero)) }.With("Hangfire:ProcessJobs", "false");
        var marketing = await app.CreateClientInRoleAsync(Roles.Marketing);
        var ok = await marketing.PostAsJsonAsync("/api/v1/sms-campaigns/estimate",
            new { message = "Hi", audience = new { includeTags = new[] { "dec" }, skipBookedWithinDays = 0, skipTextedWithinDays = 365 } });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        foreach (var (field, audience) in new (string, object)[]
                 {
                     ("skipBookedWithinDays", new { skipBookedWithinDays = -1 }),
                     ("skipBookedWithinDays", new { skipBookedWithinDays = 366 }),
                     ("skipTextedWithinDays", new { skipTextedWithinDays = 0 }),
                     ("skipTextedWithinDays", new { skipTextedWithinDays = 366 }),
                 })
        {
            var bad = await marketing.PostAsJsonAsync("/api/v1/sms-campaigns/estimate", new { message = "Hi", audience });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty($"audience.{field}", out _), $"{field}: {problem}");
        }
        var created = await marketing.PostAsJsonAsync("/api/v1/sms-campaigns",
            new { name = "Dec", message = "Hi", audience = new { includeTags = new[] { "dec" }, skipBookedWithinDays = 7, skipTextedWithinDays = 14 } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var audienceBack = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("audience");
        Assert.Equal((7, 14), (audienceBack.GetProperty("skipBookedWithinDays").GetInt32(), audienceBack.GetProperty("skipTextedWithinDays").GetInt32()));

        var shortened = await marketing.PostAsJsonAsync("/api/v1/sms-campaigns", new { name = "Dec", message = "Book at https://bit.ly/dec", audience = new { includeTags = new[] { "dec" } } });
        Assert.Equal(HttpStatusCode.BadRequest, shortened.StatusCode);
        var refused = await shortened.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(refused.GetProperty("errors").TryGetProperty("message", out var why), refused.ToString());
        Assert.Contains("bit.ly", why[0].GetString());
    }
}
