using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Features.Reviews;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Reviews;

/// <summary>
/// A manager's approval names the version of the reply it approves (issue 21, finding 3): a reply changed since
/// the manager read it is refused with 409 naming <c>replyVersion</c>, and the changed text needs its own approval.
/// </summary>
public sealed class ReviewApprovalTests
{
    private static string ReplyUrl(Guid id) => $"/api/v1/admin/social/reviews/{id}/reply";

    private static int Version(JsonElement review) => review.GetProperty("replyVersion").GetInt32();

    private static List<string?> Comments(FakeGoogle google)
    {
        lock (google.Replies)
        {
            return google.Replies.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("comment").GetString()).ToList();
        }
    }

    [Fact]
    public async Task A_manager_posting_through_the_api_with_an_old_version_is_refused_and_nothing_reaches_google()
    {
        await using var google = await FakeGoogle.StartAsync();
        await using var app = ReviewTests.NewApp(google);
        var reviews = app.Services.GetRequiredService<ReviewService>();
        await reviews.ImportGoogleAsync(full: true, default);
        var jo = (await reviews.ListAsync(new ReviewQuery(), default)).Items.Single(r => r.ReviewerName == "Jo Park");
        var staff = await app.CreateClientInRoleAsync(Roles.Staff);
        var manager = await app.CreateClientInRoleAsync(Roles.Manager);

        const string first = "Jo, we're sorry. Please call us.";
        const string second = "Jo, that's on you for booking us.";
        var seen = await (await staff.PostAsJsonAsync(ReplyUrl(jo.Id), new { text = first })).Content.ReadFromJsonAsync<JsonElement>();
        var changed = await staff.PostAsJsonAsync(ReplyUrl(jo.Id), new { text = second });
        Assert.Equal(HttpStatusCode.Accepted, changed.StatusCode);
        var current = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(Version(current) > Version(seen), "every change of the reply gives it a new version");

        // The manager read the first text and sends it with the version they read: the reply has changed since.
        var refused = await manager.PostAsJsonAsync(ReplyUrl(jo.Id), new { text = first, replyVersion = Version(seen) });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("changed", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("changed", problem.GetProperty("errors").GetProperty("replyVersion")[0].GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(second, problem.GetProperty("reply").GetString());
        Assert.Equal(Version(current), problem.GetProperty("replyVersion").GetInt32());
        Assert.Empty(Comments(google));
        var row = await reviews.GetAsync(jo.Id, default);
        Assert.Equal((second, ReplyState.AwaitingApproval, null), (row!.Reply, row.ReplyState, row.ApprovedBy));

        // Approving what is there now, by its version, posts exactly that text once.
        var posted = await manager.PostAsJsonAsync(ReplyUrl(jo.Id), new { text = second, replyVersion = Version(current) });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var body = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("posted", body.GetProperty("replyState").GetString());
        Assert.StartsWith("manager-", body.GetProperty("approvedBy").GetString(), StringComparison.Ordinal);
        Assert.Equal([second], Comments(google));
    }

    [Theory]
    [InlineData("\"3\"")]
    [InlineData("1.5")]
    [InlineData("-1")]
    [InlineData("99999999999")]
    [InlineData("true")]
    public async Task A_version_that_is_not_a_version_is_a_400_naming_it(string version)
    {
        await using var google = await FakeGoogle.StartAsync();
        await using var app = ReviewTests.NewApp(google);
        var reviews = app.Services.GetRequiredService<ReviewService>();
        await reviews.ImportGoogleAsync(full: true, default);
        var jo = (await reviews.ListAsync(new ReviewQuery(), default)).Items.Single(r => r.ReviewerName == "Jo Park");
        var manager = await app.CreateClientInRoleAsync(Roles.Manager);

        using var content = new StringContent($$"""{"text":"Jo, we're sorry.","replyVersion":{{version}}}""", System.Text.Encoding.UTF8, "application/json");
        var response = await manager.PostAsync(ReplyUrl(jo.Id), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("replyVersion", out _), problem.ToString());
        Assert.Empty(Comments(google));
    }
}
