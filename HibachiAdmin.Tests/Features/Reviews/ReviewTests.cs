using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Reviews;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Reviews;

/// <summary>Google reviews against a fake Business Profile API on loopback: paging, the nightly full re-sync, updateReply, approval for 3 stars or less.</summary>
public sealed class ReviewTests
{
    private static string Fixture(string name) => Fixtures.Read(name);

    internal static AppFactory NewApp(FakeGoogle google, TestDatabase? database = null) => (database is null ? new AppFactory() : AppFactory.OverDatabase(database, deleteDatabase: true))
        .With("Hangfire:ProcessJobs", "false")
        .With("Google:AccountId", "accounts/112233445566778899001").With("Google:LocationId", "locations/9988776655443322110")
        .With("Google:ClientId", "client").With("Google:ClientSecret", "secret").With("Google:RefreshToken", "refresh")
        .With("Google:ApiUrl", google.Url + "/v4").With("Google:TokenUrl", google.Url + "/token");

    [Fact]
    public async Task Import_pages_through_google_and_the_full_resync_finds_what_paging_dropped()
    {
        await using var google = await FakeGoogle.StartAsync();
        await using var app = NewApp(google);
        var reviews = app.Services.GetRequiredService<ReviewService>();

        var first = await reviews.ImportGoogleAsync(full: false, default);
        Assert.Equal(2, first.Pages); // page 1 had new reviews, so page 2 was read too
        Assert.Equal(4, first.Added);
        Assert.Equal("Bearer access-1", google.Authorizations.Last());
        Assert.Contains(google.ListUrls, u => u.Contains("pageToken=CiQwMDAwLWZha2UtcGFnZS10b2tlbg", StringComparison.Ordinal));

        // A review that Google's paging dropped from page 2 earlier shows up there now: the recent import stops at
        // page 1 (nothing new there), the nightly full re-sync reads every page and finds it.
        google.SecondPage.Add(FakeGoogle.Review("AbFvOqmFakeReviewId0099", "Late Larry", "ONE", "Never showed up.", "2025-01-02T10:00:00Z"));
        var recent = await reviews.ImportGoogleAsync(full: false, default);
        Assert.Equal(1, recent.Pages);
        Assert.Equal(0, recent.Added);
        var full = await reviews.ImportGoogleAsync(full: true, default);
        Assert.Equal(2, full.Pages);
        Assert.Equal(1, full.Added);

        var list = await reviews.ListAsync(new ReviewQuery(ReviewPlatform.Google), default);
        Assert.Equal(5, list.Total);
        var jo = list.Items.Single(r => r.ReviewerName == "Jo Park");
        Assert.Equal(2, jo.Rating);
        Assert.Equal(ReplyState.Posted, jo.ReplyState);
        Assert.Equal("A Google user", list.Items.Single(r => r.Rating == 5 && r.Text is null).ReviewerName);
        Assert.Equal(1, (await reviews.ListAsync(new ReviewQuery(Rating: 4), default)).Total);
        Assert.Equal(4, (await reviews.ListAsync(new ReviewQuery(UnrepliedOnly: true), default)).Total);
    }

    [Fact]
    public async Task Replies_post_through_update_reply_and_low_ratings_wait_for_a_manager()
    {
        await using var google = await FakeGoogle.StartAsync();
        await using var app = NewApp(google);
        var reviews = app.Services.GetRequiredService<ReviewService>();
        await reviews.ImportGoogleAsync(full: true, default);
        var all = (await reviews.ListAsync(new ReviewQuery(), default)).Items;
        var sam = all.Single(r => r.ReviewerName == "Sam Rivera");

        var staff = await app.CreateClientInRoleAsync(Roles.Staff);
        var reply = JsonDocument.Parse(Fixture("google-review-reply-request.json")).RootElement.GetProperty("comment").GetString();
        var posted = await staff.PostAsJsonAsync($"/api/v1/admin/social/reviews/{sam.Id}/reply", new { text = reply });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var body = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("posted", body.GetProperty("replyState").GetString(), ignoreCase: true);
        // The reply's time is Google's (google-review-reply-response.json), not ours.
        Assert.Equal(new DateTime(2025, 3, 11, 13, 30, 12, 845, DateTimeKind.Utc), body.GetProperty("replyUpdatedAt").GetDateTime().ToUniversalTime());
        var put = Assert.Single(google.Replies);
        Assert.Equal("accounts/112233445566778899001/locations/9988776655443322110/reviews/AbFvOqmFakeReviewId0001", put.Name);
        Assert.Equal(reply, JsonDocument.Parse(put.Body).RootElement.GetProperty("comment").GetString());

        // Two stars: a staff reply waits; a manager approves and only then it is posted.
        var jo = all.Single(r => r.ReviewerName == "Jo Park");
        var waiting = await staff.PostAsJsonAsync($"/api/v1/admin/social/reviews/{jo.Id}/reply", new { text = "Jo, we're sorry. Please call us." });
        Assert.Equal(HttpStatusCode.Accepted, waiting.StatusCode);
        Assert.Single(google.Replies);
        var approved = await reviews.ApproveAsync(jo.Id, (await waiting.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replyVersion").GetInt32(), new Actor("manager@test.local"), default);
        Assert.Null(approved.Reason);
        Assert.Equal(ReplyState.Posted, approved.Review!.ReplyState);
        Assert.Equal("manager@test.local", approved.Review.ApprovedBy);
        Assert.Equal(2, google.Replies.Count);

        // Google refuses: the error is kept and shown.
        google.FailReplies = true;
        var failed = await reviews.ReplyAsync(sam.Id, "Thanks again!", null, new Actor("staff@test.local"), approver: false, default);
        Assert.Equal("providerError", failed.Reason);
        Assert.Equal(ReplyState.Failed, failed.Review!.ReplyState);
        Assert.Contains("location is not verified", failed.Review.ReplyError, StringComparison.Ordinal);

        // Suggestions follow the rating.
        var warm = await reviews.SuggestAsync(sam.Id, default);
        var sorry = await reviews.SuggestAsync(jo.Id, default);
        Assert.Equal(3, warm!.Count);
        Assert.Contains(warm, s => s.Contains("Sam", StringComparison.Ordinal));
        Assert.All(sorry!, s => Assert.Matches("(?i)sorry|apolog|hear you", s));
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/api/v1/admin/social/reviews?rating=9")).StatusCode);
    }

    [Fact]
    public async Task A_google_review_without_a_reviewer_is_a_google_users_and_one_without_its_resource_name_is_answered_by_hand()
    {
        await using var google = await FakeGoogle.StartAsync();
        await using var app = NewApp(google);
        var reviews = app.Services.GetRequiredService<ReviewService>();
        google.SecondPage.Add(new
        {
            name = "accounts/112233445566778899001/locations/9988776655443322110/reviews/AbFvOqmFakeReviewId0050",
            reviewId = "AbFvOqmFakeReviewId0050", starRating = "FOUR", comment = "Good food.", createTime = "2025-02-10T10:00:00Z", updateTime = "2025-02-10T10:00:00Z",
        });
        await reviews.ImportGoogleAsync(full: true, default);
        Assert.Single((await reviews.ListAsync(new ReviewQuery(), default)).Items, r => r.Text == "Good food." && r.ReviewerName == "A Google user");

        // A Google review stored without the name Google addresses it by cannot be answered through the API.
        Guid id;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var at = new DateTime(2025, 2, 11, 10, 0, 0, DateTimeKind.Utc);
            var row = new Review { Platform = ReviewPlatform.Google, ExternalId = "NoResourceName", ReviewerName = "Ann Old", Rating = 5, CreatedAt = at, UpdatedAt = at, ImportedAt = at, LastSeenAt = at };
            db.Add(row);
            await db.SaveChangesAsync();
            id = row.Id;
        }
        var outcome = await reviews.ReplyAsync(id, "Thank you Ann!", null, new Actor("staff@test.local"), approver: false, default);
        Assert.Equal(((string?)null, ReplyState.Manual), (outcome.Reason, outcome.Review!.ReplyState));
        Assert.Empty(google.Replies);
    }

    [Fact]
    public async Task An_answer_from_google_that_cannot_be_read_leaves_the_reply_being_posted_not_refused()
    {
        await using var google = await FakeGoogle.StartAsync();
        await using var app = NewApp(google);
        var reviews = app.Services.GetRequiredService<ReviewService>();
        await reviews.ImportGoogleAsync(full: true, default);
        var sam = (await reviews.ListAsync(new ReviewQuery(), default)).Items.Single(r => r.ReviewerName == "Sam Rivera");

        // Google took the reply but its answer is garbled: Google may well show the text, so it is not marked failed.
        google.ReplyBody = "<html>Bad gateway</html>";
        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(() => reviews.ReplyAsync(sam.Id, "Thanks Sam!", null, new Actor("staff@test.local"), approver: false, default));
        Assert.Single(google.Replies);
        var stored = (await reviews.GetAsync(sam.Id, default))!;
        Assert.Equal(("Thanks Sam!", ReplyState.Posting, (string?)null), (stored.Reply, stored.ReplyState, stored.ReplyError));
    }

    [Fact]
    public async Task Yelp_and_facebook_reviews_are_entered_by_hand_and_matched_to_the_customer()
    {
        await using var app = new AppFactory().With("Hangfire:ProcessJobs", "false");
        var admin = await app.CreateAdminClientAsync();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/contacts", new { name = "Ella Anderson", phone = "(212) 555-0111" })).StatusCode);
        var reviews = app.Services.GetRequiredService<ReviewService>();
        var yelp = JsonDocument.Parse(Fixture("yelp-reviews.json")).RootElement.GetProperty("reviews")[0];
        var added = await reviews.AddManualAsync(new ManualReview(ReviewPlatform.Yelp, yelp.GetProperty("user").GetProperty("name").GetString()!, yelp.GetProperty("rating").GetInt32(),
            yelp.GetProperty("text").GetString(), new DateTime(2025, 3, 9, 21, 5, 12, DateTimeKind.Utc), yelp.GetProperty("url").GetString()), default);
        Assert.NotNull(added.ContactId);
        var outcome = await reviews.ReplyAsync(added.Id, "Thank you Ella!", null, new Actor("staff@test.local"), approver: false, default);
        Assert.Equal(ReplyState.Manual, outcome.Review!.ReplyState);
    }

    [Fact]
    public void The_review_request_asks_everyone_and_never_for_yelp()
    {
        // The booking saga's text after a party (Features/Bookings/DueMessagesJob): not gated on how the party went, never Yelp.
        var source = File.ReadAllText(Path.Combine(FindRepoRoot(), "HibachiAdmin", "Features", "Bookings", "DueMessagesJob.cs"));
        var line = source.Split('\n').Single(l => l.Contains("quick review", StringComparison.Ordinal));
        Assert.DoesNotContain("yelp", line, StringComparison.OrdinalIgnoreCase);
        var saga = File.ReadAllText(Path.Combine(FindRepoRoot(), "HibachiAdmin", "Features", "Bookings", "BookingSaga.cs"));
        Assert.DoesNotMatch("(?i)(rating|happy|satisf|nps).{0,80}ReviewRequest", saga);
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HibachiAdmin.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
