using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Tests.Infrastructure;
using HibachiAdmin.Tests.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Campaigns;

/// <summary>
/// Issue 24 item 1: a campaign with no tag must not text everyone by accident. An audience names tags, people, or
/// the explicit <c>"everyone": true</c>; anything else is a 400 naming <c>audience</c> with nothing stored, and the
/// planner and the service refuse it too (the page cannot get around the API's rule).
/// </summary>
public sealed class CampaignAudienceChoiceTests : IAsyncLifetime
{
    private readonly AppFactory _app = new AppFactory { Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero)) }
        .With("Hangfire:ProcessJobs", "false");

    private HttpClient _marketing = default!;

    public async Task InitializeAsync()
    {
        _marketing = await _app.CreateClientInRoleAsync(Roles.Marketing);
        // 11:00 in New York: everyone opted in may be texted now. Cy is staff (excluded by tag in one case).
        foreach (var (name, phone, tags) in new[] { ("Ava Miller", "(212) 555-0171", new[] { "vip" }), ("Bo Diaz", "(212) 555-0172", Array.Empty<string>()), ("Cy Ray", "(212) 555-0173", new[] { "staff" }) })
        {
            var created = await PersonConsent.CreateAsync(_app.Services, new CreateContactRequest(name, phone, null, Tags: tags, SmsConsent: SmsConsent.OptedIn));
            Assert.True(created.Succeeded);
        }
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpResponseMessage> PostAsync(string url, string json) => _marketing.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    [Theory]
    [InlineData("")]
    [InlineData(""","audience":null""")]
    [InlineData(""","audience":{}""")]
    [InlineData(""","audience":{"includeTags":[],"contactIds":[]}""")]
    [InlineData(""","audience":{"everyone":false}""")]
    [InlineData(""","audience":{"excludeTags":["staff"]}""")]
    [InlineData(""","audience":{"everyone":true,"includeTags":["vip"]}""")]
    public async Task An_audience_that_names_nobody_or_mixes_everyone_with_a_choice_is_a_400_naming_audience_and_nothing_is_stored(string audience)
    {
        foreach (var (url, json) in new[] { ("/api/v1/sms-campaigns/estimate", $$"""{"message":"Hi"{{audience}}}"""), ("/api/v1/sms-campaigns", $$"""{"name":"Oops","message":"Hi"{{audience}}}""") })
        {
            var response = await PostAsync(url, json);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} {json} → {(int)response.StatusCode} {text}");
            var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
            Assert.Equal(["audience"], errors.EnumerateObject().Select(e => e.Name).ToArray());
            Assert.Contains("everyone", errors.GetProperty("audience")[0].GetString());
        }
        Assert.Equal(0, (await _marketing.GetFromJsonAsync<JsonElement>("/api/v1/sms-campaigns")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Everyone_is_an_explicit_choice_that_reaches_everyone_who_may_be_texted_less_the_exclusions()
    {
        var all = await (await PostAsync("/api/v1/sms-campaigns/estimate", """{"message":"Hi","audience":{"everyone":true}}""")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 3), (all.GetProperty("recipients").GetInt32(), all.GetProperty("eligible").GetInt32()));
        var lessStaff = await (await PostAsync("/api/v1/sms-campaigns/estimate", """{"message":"Hi","audience":{"everyone":true,"excludeTags":["staff"]}}""")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, lessStaff.GetProperty("recipients").GetInt32());
        var vip = await (await PostAsync("/api/v1/sms-campaigns/estimate", """{"message":"Hi","audience":{"includeTags":["vip"]}}""")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, vip.GetProperty("recipients").GetInt32());

        var created = await PostAsync("/api/v1/sms-campaigns", """{"name":"All of them","message":"Hi","audience":{"everyone":true,"excludeTags":["staff"]}}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaign = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(campaign.GetProperty("audience").GetProperty("everyone").GetBoolean());
        var preview = await _marketing.GetFromJsonAsync<JsonElement>($"/api/v1/sms-campaigns/{campaign.GetProperty("id").GetGuid()}/preview");
        Assert.Equal(2, preview.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_planner_reaches_nobody_and_the_service_refuses_when_the_audience_is_not_chosen()
    {
        var nobody = new Audience([], ["staff"], []);
        var plan = await _app.Services.GetRequiredService<CampaignPlanner>().PlanAsync("Hi", nobody, null, default);
        Assert.Equal((0, 0m), (plan.Estimate.Recipients, plan.Estimate.EstimatedCost));
        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            _app.Services.GetRequiredService<CampaignService>().CreateAsync(new NewCampaign("Oops", "Hi", nobody, null), Actor.System, default));
        Assert.Equal("audience", refused.ParamName);
        Assert.Equal(3, (await _app.Services.GetRequiredService<CampaignPlanner>().PlanAsync("Hi", Audience.All, null, default)).Estimate.Recipients);
    }
}
