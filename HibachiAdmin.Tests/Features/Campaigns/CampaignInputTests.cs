using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Campaigns;

/// <summary>
/// Issue 21 finding 9: inputs that answered 500 (a null tag, accepted on create and then breaking the
/// campaign's preview and send; instants at DateTime's ends) are 400s naming the field by its JSON path.
/// </summary>
public sealed class CampaignInputTests : IAsyncLifetime
{
    private readonly AppFactory _app = new AppFactory { Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero)) }
        .With("Hangfire:ProcessJobs", "false");

    private HttpClient _marketing = default!;

    public async Task InitializeAsync() => _marketing = await _app.CreateClientInRoleAsync(Roles.Marketing);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<JsonElement> ProblemAsync(string url, string json)
    {
        var response = await _marketing.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url} {json} → {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }

    private static string[] Fields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray();

    [Theory]
    [InlineData("""{"includeTags":[null]}""", "audience.includeTags[0]")]
    [InlineData("""{"includeTags":["vip",null]}""", "audience.includeTags[1]")]
    [InlineData("""{"excludeTags":[null]}""", "audience.excludeTags[0]")]
    [InlineData("""{"contactIds":[null]}""", "audience.contactIds[0]")]
    public async Task A_null_item_in_an_audience_is_a_400_naming_it_on_estimate_and_create(string audience, string field)
    {
        Assert.Equal([field], Fields(await ProblemAsync("/api/v1/sms-campaigns/estimate", $$"""{"message":"Hi","audience":{{audience}}}""")));
        Assert.Equal([field], Fields(await ProblemAsync("/api/v1/sms-campaigns", $$"""{"name":"Null tag","message":"Hi","audience":{{audience}}}""")));
        Assert.Equal(0, (await _marketing.GetFromJsonAsync<JsonElement>("/api/v1/sms-campaigns")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("1999-12-31T23:59:59Z")]
    [InlineData("2100-01-01T00:00:00Z")]
    [InlineData("2099-12-31T23:00:00-05:00")]
    public async Task An_instant_outside_the_years_2000_to_2099_is_a_400_naming_sendAt(string sendAt)
    {
        Assert.Equal(["sendAt"], Fields(await ProblemAsync("/api/v1/sms-campaigns/estimate", $$"""{"message":"Hi","audience":{"includeTags":["vip"]},"sendAt":"{{sendAt}}"}""")));
        var created = await _marketing.PostAsJsonAsync("/api/v1/sms-campaigns", new { name = "Edge", message = "Hi", audience = new { includeTags = new[] { "vip" } } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(["sendAt"], Fields(await ProblemAsync($"/api/v1/sms-campaigns/{id}/send", $$"""{"sendAt":"{{sendAt}}"}""")));
        Assert.Equal("draft", (await _marketing.GetFromJsonAsync<JsonElement>($"/api/v1/sms-campaigns/{id}")).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("2000-01-01T00:00:00Z")]
    [InlineData("2099-12-31T23:59:59Z")]
    public async Task The_first_and_last_instants_of_the_range_are_accepted(string sendAt)
    {
        var estimate = await _marketing.PostAsync("/api/v1/sms-campaigns/estimate",
            new StringContent($$"""{"message":"Hi","audience":{"includeTags":["vip"]},"sendAt":"{{sendAt}}"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, estimate.StatusCode);
    }
}
