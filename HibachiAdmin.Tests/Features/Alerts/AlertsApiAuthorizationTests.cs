using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Features.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Alerts;

/// <summary>
/// <c>/api/v1/alerts</c> is for signed-in staff of every role, and each person only ever reads and changes their own
/// alerts, choices and browsers: anonymous 401, another person's alert 404, bad input 400 naming the field and nothing stored.
/// </summary>
public sealed class AlertsApiAuthorizationTests(FrozenAppFactory app) : IClassFixture<FrozenAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/api/v1/alerts" },
        { "GET", "/api/v1/alerts/unread-count" },
        { "POST", $"/api/v1/alerts/{Guid.NewGuid()}/read" },
        { "POST", "/api/v1/alerts/read-all" },
        { "GET", "/api/v1/alerts/preferences" },
        { "PUT", "/api/v1/alerts/preferences" },
        { "GET", "/api/v1/alerts/push/public-key" },
        { "POST", "/api/v1/alerts/push/subscriptions" },
        { "DELETE", "/api/v1/alerts/push/subscriptions" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Anonymous_callers_get_401(string method, string path)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "GET" ? null : JsonContent.Create(new { }) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("Staff")]
    [InlineData("Marketing")]
    [InlineData("Manager")]
    [InlineData("Admin")]
    public async Task Every_role_reads_its_own_alerts(string role)
    {
        using var client = await app.CreateClientInRoleAsync(role);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/alerts")).StatusCode);
        Assert.Equal(0, (await client.GetFromJsonAsync<AlertsEndpoints.UnreadCount>("/api/v1/alerts/unread-count"))!.Unread);
    }

    [Fact]
    public async Task A_person_sees_marks_and_counts_only_their_own_alerts()
    {
        var (mine, mineEmail) = await AlertsTestKit.PersonAsync(app);
        var (theirs, _) = await AlertsTestKit.PersonAsync(app);
        var now = app.Time!.GetUtcNow().UtcDateTime;
        await AlertsTestKit.WriteForAsync(app, mine, AlertsTestKit.Waiting(1, now), AlertsTestKit.Waiting(2, now));
        await AlertsTestKit.WriteForAsync(app, theirs, AlertsTestKit.Waiting(3, now));
        using var client = await app.CreateClientWithTokenAsync(mineEmail, AlertsTestKit.Password);

        var list = await client.GetFromJsonAsync<List<AlertView>>("/api/v1/alerts", Json);
        Assert.Equal(["Customer 2 is waiting for a reply", "Customer 1 is waiting for a reply"], list!.Select(a => a.Title).Order().Reverse());
        Assert.Equal(2, (await client.GetFromJsonAsync<AlertsEndpoints.UnreadCount>("/api/v1/alerts/unread-count"))!.Unread);

        var theirAlert = Assert.Single(await AlertsTestKit.AlertsOfAsync(app, theirs));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/alerts/{theirAlert.Id}/read", null)).StatusCode);
        Assert.Null(Assert.Single(await AlertsTestKit.AlertsOfAsync(app, theirs)).ReadAt);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/alerts/{list![0].Id}/read", null)).StatusCode);
        Assert.Equal(1, (await client.GetFromJsonAsync<AlertsEndpoints.UnreadCount>("/api/v1/alerts/unread-count"))!.Unread);
        Assert.Single(await client.GetFromJsonAsync<List<AlertView>>("/api/v1/alerts?unread=true", Json) ?? []);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/alerts/read-all", null)).StatusCode);
        Assert.Equal(0, (await client.GetFromJsonAsync<AlertsEndpoints.UnreadCount>("/api/v1/alerts/unread-count"))!.Unread);
        Assert.Null(Assert.Single(await AlertsTestKit.AlertsOfAsync(app, theirs)).ReadAt);
    }

    [Fact]
    public async Task Bad_choices_are_400s_naming_the_field_and_nothing_is_stored()
    {
        var (_, email) = await AlertsTestKit.PersonAsync(app);
        using var client = await app.CreateClientWithTokenAsync(email, AlertsTestKit.Password);
        var response = await client.PutAsJsonAsync("/api/v1/alerts/preferences",
            new { inApp = new[] { "newLead" }, push = Array.Empty<string>(), email = Array.Empty<string>(), quietFrom = "25:00", quietUntil = "07:00", waitingMinutes = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("quietFrom", out _));
        Assert.True(errors.TryGetProperty("waitingMinutes", out _));
        var stored = await client.GetFromJsonAsync<AlertPreferencesDto>("/api/v1/alerts/preferences", Json);
        Assert.Equal(4, stored!.InApp.Count);

        var ok = await client.PutAsJsonAsync("/api/v1/alerts/preferences",
            new { inApp = new[] { "newLead", "missedCall" }, push = new[] { "lowReview" }, email = Array.Empty<string>(), quietFrom = "22:00", quietUntil = "07:00", waitingMinutes = 20 });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var saved = await client.GetFromJsonAsync<AlertPreferencesDto>("/api/v1/alerts/preferences", Json);
        Assert.Equal([AlertKind.NewLead, AlertKind.MissedCall], saved!.InApp);
        Assert.Equal([AlertKind.LowReview], saved.Push);
        Assert.Equal(("22:00", "07:00", 20), (saved.QuietFrom, saved.QuietUntil, saved.WaitingMinutes));

        var unknownKind = await client.PutAsJsonAsync("/api/v1/alerts/preferences",
            new { inApp = new[] { "everything" }, push = Array.Empty<string>(), email = Array.Empty<string>(), waitingMinutes = 20 });
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
    }

    [Fact]
    public async Task A_push_subscription_must_be_a_browsers_and_is_removed_only_by_its_owner()
    {
        var (owner, ownerEmail) = await AlertsTestKit.PersonAsync(app);
        var (_, otherEmail) = await AlertsTestKit.PersonAsync(app);
        using var client = await app.CreateClientWithTokenAsync(ownerEmail, AlertsTestKit.Password);
        using var other = await app.CreateClientWithTokenAsync(otherEmail, AlertsTestKit.Password);

        var bad = await client.PostAsJsonAsync("/api/v1/alerts/push/subscriptions", new { endpoint = "http://push.example/x", keys = new { p256dh = "abc", auth = "" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("endpoint", out _));
        Assert.True(errors.TryGetProperty("keys.p256dh", out _));
        Assert.True(errors.TryGetProperty("keys.auth", out _));

        var endpoint = $"https://push.example/send/{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/v1/alerts/push/subscriptions", AlertsTestKit.Browser(endpoint))).StatusCode);
        var service = app.Services.GetRequiredService<AlertService>();
        Assert.Equal(1, await service.SubscriptionCountAsync(owner, default));
        using (var request = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/alerts/push/subscriptions") { Content = JsonContent.Create(new { endpoint }) })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await other.SendAsync(request)).StatusCode);
        }
        Assert.Equal(1, await service.SubscriptionCountAsync(owner, default));
        using (var request = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/alerts/push/subscriptions") { Content = JsonContent.Create(new { endpoint }) })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(request)).StatusCode);
        }
        Assert.Equal(0, await service.SubscriptionCountAsync(owner, default));
    }
}
