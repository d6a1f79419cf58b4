using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Features.Reviews;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Reviews;

/// <summary>
/// What a caller of <c>POST /api/v1/admin/social/reviews/{id}/reply</c> reads back for each outcome: the status, the
/// problem's title, and what it needs to act on (where the waiting reply is, the reply as it is now and its version).
/// </summary>
public sealed class ReviewReplyAnswersTests
{
    private static string ReplyUrl(Guid id) => $"/api/v1/admin/social/reviews/{id}/reply";

    private static async Task<(AppFactory App, FakeGoogle Google, ReviewDto Jo)> StartAsync()
    {
        var google = await FakeGoogle.StartAsync();
        var app = ReviewTests.NewApp(google);
        var reviews = app.Services.GetRequiredService<ReviewService>();
        await reviews.ImportGoogleAsync(full: true, default);
        var jo = (await reviews.ListAsync(new ReviewQuery(), default)).Items.Single(r => r.ReviewerName == "Jo Park");
        Assert.Equal(2, jo.Rating);
        return (app, google, jo);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task An_unknown_review_is_a_404_problem()
    {
        var (app, google, _) = await StartAsync();
        await using var _app = app;
        await using var _google = google;
        var staff = await app.CreateClientInRoleAsync(Roles.Staff);
        var response = await staff.PostAsJsonAsync(ReplyUrl(Guid.NewGuid()), new { text = "Thanks!" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Review not found", (await ProblemAsync(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_staff_reply_to_a_low_rating_is_accepted_to_wait_and_says_where_it_waits()
    {
        var (app, google, jo) = await StartAsync();
        await using var _app = app;
        await using var _google = google;
        var staff = await app.CreateClientInRoleAsync(Roles.Staff);
        var response = await staff.PostAsJsonAsync(ReplyUrl(jo.Id), new { text = "  Jo, we're sorry.  " });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/v1/admin/social/reviews/{jo.Id}", response.Headers.Location?.OriginalString);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Jo, we're sorry.", body.GetProperty("reply").GetString());
        Assert.Empty(google.Replies);
    }

    [Fact]
    public async Task A_reply_written_over_a_changed_one_is_a_409_carrying_the_reply_as_it_is_now()
    {
        var (app, google, jo) = await StartAsync();
        await using var _app = app;
        await using var _google = google;
        var staff = await app.CreateClientInRoleAsync(Roles.Staff);
        var first = await (await staff.PostAsJsonAsync(ReplyUrl(jo.Id), new { text = "Jo, we're sorry." })).Content.ReadFromJsonAsync<JsonElement>();
        var read = first.GetProperty("replyVersion").GetInt32();
        Assert.Equal(HttpStatusCode.Accepted, (await staff.PostAsJsonAsync(ReplyUrl(jo.Id), new { text = "Jo, we're so sorry.", replyVersion = read })).StatusCode);

        var manager = await app.CreateClientInRoleAsync(Roles.Manager);
        var stale = await manager.PostAsJsonAsync(ReplyUrl(jo.Id), new { text = "Jo, thank you.", replyVersion = read });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await ProblemAsync(stale);
        Assert.Equal("Reply changed", problem.GetProperty("title").GetString());
        Assert.Equal("Jo, we're so sorry.", problem.GetProperty("reply").GetString());
        Assert.Equal(read + 1, problem.GetProperty("replyVersion").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("errors").GetProperty("replyVersion")[0].GetString()));
        Assert.Equal(problem.GetProperty("detail").GetString(), problem.GetProperty("errors").GetProperty("replyVersion")[0].GetString());
        Assert.Empty(google.Replies);
    }

    [Fact]
    public async Task A_managers_reply_that_Google_refuses_is_a_502_and_one_Google_takes_is_200()
    {
        var (app, google, jo) = await StartAsync();
        await using var _app = app;
        await using var _google = google;
        var manager = await app.CreateClientInRoleAsync(Roles.Manager);
        google.FailReplies = true;
        var refused = await manager.PostAsJsonAsync(ReplyUrl(jo.Id), new { text = "Jo, we're sorry." });
        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        var problem = await ProblemAsync(refused);
        Assert.Equal("Reply not posted", problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));

        google.FailReplies = false;
        var posted = await manager.PostAsJsonAsync(ReplyUrl(jo.Id), new { text = "Jo, we're sorry." });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("Jo, we're sorry.", (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString());
        Assert.Single(google.Replies);
    }

    [Theory]
    [InlineData("""{"text":"   "}""")]
    [InlineData("""{"text":""}""")]
    [InlineData("""{}""")]
    public async Task A_blank_reply_is_a_400_naming_text(string body)
    {
        var (app, google, jo) = await StartAsync();
        await using var _app = app;
        await using var _google = google;
        var staff = await app.CreateClientInRoleAsync(Roles.Staff);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await staff.PostAsync(ReplyUrl(jo.Id), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).GetProperty("errors").TryGetProperty("text", out _));
    }
}
