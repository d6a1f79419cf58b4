using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Reviews;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Reviews;

/// <summary>
/// The reply's version and who approved it, through every writer of the row (issue 21, finding 4): posts under way,
/// Google's refusals, the import finding a reply on Google, and an import racing a staff edit.
/// </summary>
public sealed class ReviewReplyStateTests
{
    private static readonly Actor Staff = new("staff@test.local");
    private static readonly Actor Manager = new("manager@test.local");
    private const string KimId = "AbFvOqmFakeReviewId0042";

    private static string ReplyUrl(Guid id) => $"/api/v1/admin/social/reviews/{id}/reply";

    private static List<string?> Comments(FakeGoogle google)
    {
        lock (google.Replies)
        {
            return google.Replies.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("comment").GetString()).ToList();
        }
    }

    private static async Task<ReviewDto> JoAsync(ReviewService reviews)
    {
        await reviews.ImportGoogleAsync(full: true, default);
        return (await reviews.ListAsync(new ReviewQuery(), default)).Items.Single(r => r.ReviewerName == "Jo Park");
    }

    /// <summary>A 2★ review on Google's second page, as Google lists it at <paramref name="updated"/>, with our reply on Google if any.</summary>
    private static void Kim(FakeGoogle google, string updated, string? replyOnGoogle)
    {
        google.SecondPage.RemoveAll(r => r.ToString()!.Contains(KimId, StringComparison.Ordinal));
        google.SecondPage.Add(new
        {
            name = $"accounts/112233445566778899001/locations/9988776655443322110/reviews/{KimId}",
            reviewId = KimId,
            reviewer = new { displayName = "Kim Lee", isAnonymous = false },
            starRating = "TWO",
            comment = "Cold noodles.",
            createTime = "2025-02-01T10:00:00Z",
            updateTime = updated,
            reviewReply = replyOnGoogle is null ? null : new { comment = replyOnGoogle, updateTime = updated },
        });
    }

    [Fact]
    public async Task While_a_post_is_under_way_the_reply_is_not_replaced_until_the_post_counts_as_stranded()
    {
        await using var google = await FakeGoogle.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = ReviewTests.NewApp(google);
        app.Time = clock;
        var reviews = app.Services.GetRequiredService<ReviewService>();
        var jo = await JoAsync(reviews);
        var staff = await app.CreateClientInRoleAsync(Roles.Staff);
        var waiting = (await reviews.ReplyAsync(jo.Id, "Jo, we're sorry.", null, Staff, approver: false, default)).Review!;

        // The process died between marking the reply Posting and recording Google's answer.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Set<Review>().Where(r => r.Id == jo.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ReplyState, ReplyState.Posting)
                .SetProperty(r => r.ReplyUpdatedAt, clock.GetUtcNow().UtcDateTime)
                .SetProperty(r => r.ReplyVersion, waiting.ReplyVersion + 1));
        }
        clock.Advance(ReviewService.PostingStrandedAfter - TimeSpan.FromSeconds(1));
        var refused = await staff.PostAsJsonAsync(ReplyUrl(jo.Id), new { text = "Jo, a rewrite." });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var posting = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Reply being posted", posting.GetProperty("title").GetString());
        Assert.Contains("being posted", posting.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var row = (await reviews.GetAsync(jo.Id, default))!;
        Assert.Equal(("Jo, we're sorry.", ReplyState.Posting, waiting.ReplyVersion + 1), (row.Reply, row.ReplyState, row.ReplyVersion));

        // Long past Google's timeout the post is taken for lost: a new reply replaces it (and waits for a manager again).
        clock.Advance(TimeSpan.FromSeconds(1));
        var replaced = await staff.PostAsJsonAsync(ReplyUrl(jo.Id), new { text = "Jo, a rewrite." });
        Assert.Equal(HttpStatusCode.Accepted, replaced.StatusCode);
        row = (await reviews.GetAsync(jo.Id, default))!;
        Assert.Equal(("Jo, a rewrite.", ReplyState.AwaitingApproval, waiting.ReplyVersion + 2), (row.Reply, row.ReplyState, row.ReplyVersion));
        Assert.Empty(Comments(google));
    }

    [Fact]
    public async Task Every_change_of_the_reply_is_a_new_version_and_an_approval_of_a_refused_post_does_not_carry_over_to_a_rewrite()
    {
        await using var google = await FakeGoogle.StartAsync();
        await using var app = ReviewTests.NewApp(google);
        var reviews = app.Services.GetRequiredService<ReviewService>();
        var jo = await JoAsync(reviews);
        Assert.Equal(1, jo.ReplyVersion); // imported with Google's reply

        Assert.Equal("notFound", (await reviews.ApproveAsync(Guid.NewGuid(), 1, Manager, default)).Reason);
        var notWaiting = await reviews.ApproveAsync(jo.Id, jo.ReplyVersion, Manager, default);
        Assert.Equal(("invalid", 1, "There is no reply waiting for approval."), (notWaiting.Reason, notWaiting.Review!.ReplyVersion, notWaiting.Detail));

        var waiting = (await reviews.ReplyAsync(jo.Id, "Jo, we're sorry.", 1, Staff, approver: false, default)).Review!;
        Assert.Equal((2, ReplyState.AwaitingApproval, (string?)null), (waiting.ReplyVersion, waiting.ReplyState, waiting.ApprovedBy));
        var stale = await reviews.ReplyAsync(jo.Id, "Jo, my version.", 1, Staff, approver: false, default);
        Assert.Equal(("changed", "Jo, we're sorry.", 2), (stale.Reason, stale.Review!.Reply, stale.Review.ReplyVersion));
        Assert.Contains("version 2", stale.Detail, StringComparison.Ordinal);
        Assert.Equal("changed", (await reviews.ApproveAsync(jo.Id, 1, Manager, default)).Reason);
        Assert.Equal("changed", (await reviews.ApproveAsync(jo.Id, 3, Manager, default)).Reason);

        google.FailReplies = true;
        var refused = await reviews.ApproveAsync(jo.Id, 2, Manager, default);
        Assert.Equal(("providerError", ReplyState.Failed, 4, "manager@test.local"), (refused.Reason, refused.Review!.ReplyState, refused.Review.ReplyVersion, refused.Review.ApprovedBy));
        var stored = (await reviews.GetAsync(jo.Id, default))!;
        Assert.Equal((ReplyState.Failed, 4), (stored.ReplyState, stored.ReplyVersion));
        Assert.Contains("not verified", stored.ReplyError, StringComparison.Ordinal);

        google.FailReplies = false;
        var rewrite = (await reviews.ReplyAsync(jo.Id, "Jo, please call us.", null, Staff, approver: false, default)).Review!;
        Assert.Equal((5, ReplyState.AwaitingApproval, (string?)null, (string?)null), (rewrite.ReplyVersion, rewrite.ReplyState, rewrite.ApprovedBy, rewrite.ReplyError));
        var posted = await reviews.ApproveAsync(jo.Id, 5, Manager, default);
        Assert.Null(posted.Reason);
        stored = (await reviews.GetAsync(jo.Id, default))!;
        Assert.Equal(("Jo, please call us.", ReplyState.Posted, 7, "manager@test.local"), (stored.Reply, stored.ReplyState, stored.ReplyVersion, stored.ApprovedBy));
        Assert.Equal(["Jo, please call us."], Comments(google));

        // A manager's own words are their approval; a 4★ reply needs none and names no approver.
        var own = await reviews.ReplyAsync(jo.Id, "Jo, from the owner.", 7, Manager, approver: true, default);
        Assert.Equal((ReplyState.Posted, "manager@test.local", 9), (own.Review!.ReplyState, own.Review.ApprovedBy, own.Review.ReplyVersion));
        var sam = (await reviews.ListAsync(new ReviewQuery(), default)).Items.Single(r => r.ReviewerName == "Sam Rivera");
        var thanks = await reviews.ReplyAsync(sam.Id, "Thanks Sam!", sam.ReplyVersion, Manager, approver: true, default);
        Assert.Equal((ReplyState.Posted, (string?)null), (thanks.Review!.ReplyState, thanks.Review.ApprovedBy));
        Assert.Equal(["Jo, please call us.", "Jo, from the owner.", "Thanks Sam!"], Comments(google));
    }

    [Fact]
    public async Task A_yelp_reply_approved_by_version_is_marked_for_posting_by_hand_with_its_approver()
    {
        await using var app = new AppFactory().With("Hangfire:ProcessJobs", "false");
        var reviews = app.Services.GetRequiredService<ReviewService>();
        var yelp = await reviews.AddManualAsync(new ManualReview(ReviewPlatform.Yelp, "Rae T.", 1, "Never again.", new DateTime(2025, 3, 9, 0, 0, 0, DateTimeKind.Utc), null), default);
        var waiting = (await reviews.ReplyAsync(yelp.Id, "Rae, we're sorry.", 0, Staff, approver: false, default)).Review!;
        Assert.Equal(1, waiting.ReplyVersion);
        var approved = await reviews.ApproveAsync(yelp.Id, 1, Manager, default);
        Assert.Null(approved.Reason);
        var stored = (await reviews.GetAsync(yelp.Id, default))!;
        Assert.Equal(("Rae, we're sorry.", ReplyState.Manual, "manager@test.local", 2), (stored.Reply, stored.ReplyState, stored.ApprovedBy, stored.ReplyVersion));
    }

    [Fact]
    public async Task The_import_keeps_the_approver_only_for_the_text_they_approved()
    {
        await using var google = await FakeGoogle.StartAsync();
        await using var app = ReviewTests.NewApp(google);
        var reviews = app.Services.GetRequiredService<ReviewService>();
        Kim(google, "2025-02-01T10:00:00Z", null);
        await reviews.ImportGoogleAsync(full: true, default);
        var kim = (await reviews.ListAsync(new ReviewQuery(), default)).Items.Single(r => r.ReviewerName == "Kim Lee");
        Assert.Equal((ReplyState.None, 0), (kim.ReplyState, kim.ReplyVersion));
        await reviews.ReplyAsync(kim.Id, "Kim, we're sorry.", null, Staff, approver: false, default);
        Assert.Null((await reviews.ApproveAsync(kim.Id, 1, Manager, default)).Reason);

        // Google lists our reply (the reviewer edited their review): nothing about the reply changed.
        Kim(google, "2025-03-01T10:00:00Z", "Kim, we're sorry.");
        Assert.Equal(1, (await reviews.ImportGoogleAsync(full: true, default)).Updated);
        var stored = (await reviews.GetAsync(kim.Id, default))!;
        Assert.Equal(("Kim, we're sorry.", ReplyState.Posted, "manager@test.local", 3), (stored.Reply, stored.ReplyState, stored.ApprovedBy, stored.ReplyVersion));

        // A Google refusal, yet Google shows the text: posted after all, by the same approval.
        google.FailReplies = true;
        await reviews.ReplyAsync(kim.Id, "Kim, please call us.", null, Staff, approver: false, default);
        Assert.Equal("providerError", (await reviews.ApproveAsync(kim.Id, 4, Manager, default)).Reason);
        Kim(google, "2025-03-02T10:00:00Z", "Kim, please call us.");
        await reviews.ImportGoogleAsync(full: true, default);
        stored = (await reviews.GetAsync(kim.Id, default))!;
        Assert.Equal(("Kim, please call us.", ReplyState.Posted, "manager@test.local", 7), (stored.Reply, stored.ReplyState, stored.ApprovedBy, stored.ReplyVersion));

        // Someone changed the reply on Google itself: no one here approved those words.
        Kim(google, "2025-03-03T10:00:00Z", "Kim, edited on Google.");
        await reviews.ImportGoogleAsync(full: true, default);
        stored = (await reviews.GetAsync(kim.Id, default))!;
        Assert.Equal(("Kim, edited on Google.", ReplyState.Posted, (string?)null, 8), (stored.Reply, stored.ReplyState, stored.ApprovedBy, stored.ReplyVersion));
    }

    [Fact]
    public async Task The_import_leaves_a_reply_waiting_for_approval_or_being_posted_as_it_is()
    {
        await using var google = await FakeGoogle.StartAsync();
        await using var app = ReviewTests.NewApp(google);
        var reviews = app.Services.GetRequiredService<ReviewService>();
        Kim(google, "2025-02-01T10:00:00Z", null);
        await reviews.ImportGoogleAsync(full: true, default);
        var kim = (await reviews.ListAsync(new ReviewQuery(), default)).Items.Single(r => r.ReviewerName == "Kim Lee");
        await reviews.ReplyAsync(kim.Id, "Kim, we're sorry.", null, Staff, approver: false, default);

        // Kim edits her review; Google lists an old reply of ours with it. The reply waiting for a manager stays.
        Kim(google, "2025-03-01T10:00:00Z", "Kim, an old reply.");
        Assert.Equal(1, (await reviews.ImportGoogleAsync(full: true, default)).Updated);
        var stored = (await reviews.GetAsync(kim.Id, default))!;
        Assert.Equal(("Kim, we're sorry.", ReplyState.AwaitingApproval, (string?)null, 1), (stored.Reply, stored.ReplyState, stored.ApprovedBy, stored.ReplyVersion));

        // The approved reply is being posted (its answer not yet recorded) when the import sees the review again: it stays too.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Set<Review>().Where(r => r.Id == kim.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ReplyState, ReplyState.Posting).SetProperty(r => r.ApprovedBy, Manager.Name).SetProperty(r => r.ReplyVersion, 2));
        }
        Kim(google, "2025-03-02T10:00:00Z", "Kim, an old reply.");
        Assert.Equal(1, (await reviews.ImportGoogleAsync(full: true, default)).Updated);
        stored = (await reviews.GetAsync(kim.Id, default))!;
        Assert.Equal(("Kim, we're sorry.", ReplyState.Posting, Manager.Name, 2), (stored.Reply, stored.ReplyState, stored.ApprovedBy, stored.ReplyVersion));
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public async Task An_import_losing_the_race_for_a_row_again_and_again_reads_it_three_times_at_most(int races, bool givesUp)
    {
        await using var google = await FakeGoogle.StartAsync();
        var race = new EditsBeforeSave();
        await using var app = ReviewTests.NewApp(google);
        app.ConfigureTestServices = s => s.AddSingleton<IInterceptor>(race);
        var reviews = app.Services.GetRequiredService<ReviewService>();
        var jo = await JoAsync(reviews);
        google.FailReplies = true;
        Assert.Equal("providerError", (await reviews.ReplyAsync(jo.Id, "Jo, try 0.", null, Manager, approver: true, default)).Reason);

        // The import would put Google's reply over the failed one; each time just before it saves, the manager tries
        // their reply again (Google still refuses it), so every save finds the row changed.
        var attempt = 0;
        race.Arm(races, () => reviews.ReplyAsync(jo.Id, $"Jo, try {++attempt}.", null, Manager, approver: true, default));
        if (givesUp)
        {
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => reviews.ImportGoogleAsync(full: true, default));
        }
        else
        {
            Assert.Equal(1, (await reviews.ImportGoogleAsync(full: true, default)).Updated);
        }
        Assert.Equal(races, race.Edits);
        var stored = (await reviews.GetAsync(jo.Id, default))!;
        Assert.Equal(givesUp ? ($"Jo, try {races}.", ReplyState.Failed) : (jo.Reply, ReplyState.Posted), (stored.Reply, stored.ReplyState));
    }

    [Fact]
    public async Task A_reply_that_loses_the_race_for_the_row_is_told_it_changed_with_the_reply_as_it_is_now()
    {
        await using var google = await FakeGoogle.StartAsync();
        var race = new EditsBeforeSave();
        await using var app = ReviewTests.NewApp(google);
        app.ConfigureTestServices = s => s.AddSingleton<IInterceptor>(race);
        var reviews = app.Services.GetRequiredService<ReviewService>();
        var jo = await JoAsync(reviews);

        // Two staff answer Jo at once: the other's reply is saved between this one's read and its save.
        race.Arm(1, () => reviews.ReplyAsync(jo.Id, "Jo, from the other desk.", null, Staff, approver: false, default));
        var lost = await reviews.ReplyAsync(jo.Id, "Jo, we're sorry.", null, Staff, approver: false, default);
        Assert.Equal(1, race.Edits);
        Assert.Equal(("changed", jo.Id, "Jo, from the other desk.", 2), (lost.Reason, lost.Review!.Id, lost.Review.Reply, lost.Review.ReplyVersion));
        Assert.Equal("The reply changed since it was read (it is now version 2). Read it again: a changed reply needs a new approval.", lost.Detail);
        var stored = (await reviews.GetAsync(jo.Id, default))!;
        Assert.Equal(("Jo, from the other desk.", ReplyState.AwaitingApproval, 2), (stored.Reply, stored.ReplyState, stored.ReplyVersion));
    }

    /// <summary>Runs an edit (on other contexts) just before each of the next saves of a context that changes a review, up to a number of times.</summary>
    private sealed class EditsBeforeSave : SaveChangesInterceptor
    {
        private readonly AsyncLocal<bool> _editing = new();
        private Func<Task>? _edit;
        private int _left;
        private int _edits;

        public int Edits => _edits;

        public void Arm(int times, Func<Task> edit) => (_left, _edit) = (times, edit);

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!_editing.Value && _edit is { } edit && eventData.Context!.ChangeTracker.Entries<Review>().Any(e => e.State == EntityState.Modified) && Interlocked.Decrement(ref _left) >= 0)
            {
                Interlocked.Increment(ref _edits);
                _editing.Value = true;
                try
                {
                    await edit();
                }
                finally
                {
                    _editing.Value = false;
                }
            }
            return result;
        }
    }

    [Fact]
    public async Task An_import_racing_a_staff_edit_reads_the_rows_again_instead_of_overwriting_the_edit_with_googles_reply()
    {
        await using var google = await FakeGoogle.StartAsync();
        var race = new EditDuringImport();
        await using var app = ReviewTests.NewApp(google);
        app.ConfigureTestServices = s => s.AddSingleton<IInterceptor>(race);
        var reviews = app.Services.GetRequiredService<ReviewService>();
        var jo = await JoAsync(reviews);
        google.FailReplies = true;
        await reviews.ReplyAsync(jo.Id, "Jo, we're sorry.", null, Staff, approver: false, default);
        Assert.Equal("providerError", (await reviews.ApproveAsync(jo.Id, 2, Manager, default)).Reason);

        // The import puts Google's reply over the failed one; between its reading Jo's row and saving it, staff
        // rewrites the reply. The import's save finds the version changed, reads the rows again and leaves the edit.
        race.Arm(() => reviews.ReplyAsync(jo.Id, "Jo, a new apology.", null, Staff, approver: false, default));
        var result = await reviews.ImportGoogleAsync(full: true, default);
        Assert.Equal(1, race.Edits);
        Assert.Equal(0, result.Added);
        var stored = (await reviews.GetAsync(jo.Id, default))!;
        Assert.Equal(("Jo, a new apology.", ReplyState.AwaitingApproval, (string?)null, 5), (stored.Reply, stored.ReplyState, stored.ApprovedBy, stored.ReplyVersion));
        Assert.Empty(Comments(google));
    }

    /// <summary>Runs one staff edit (on another context) just before the next save of the import's context.</summary>
    private sealed class EditDuringImport : SaveChangesInterceptor
    {
        private Func<Task>? _edit;
        private int _edits;

        public int Edits => _edits;

        public void Arm(Func<Task> edit) => _edit = edit;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<Review>().Any(e => e.State == EntityState.Modified) && Interlocked.Exchange(ref _edit, null) is { } edit)
            {
                Interlocked.Increment(ref _edits);
                await edit();
            }
            return result;
        }
    }
}
