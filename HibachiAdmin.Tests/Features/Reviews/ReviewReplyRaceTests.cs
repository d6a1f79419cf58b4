using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Reviews;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HibachiAdmin.Tests.Features.Reviews;

/// <summary>
/// Staff and a manager racing on one 2★ Google review through the real app (issue 21, finding 4): in every round
/// Staff rewrites the waiting reply through the API while the manager approves the text on their screen (the page's
/// call) and posts their own words through the API, all naming the version they read. Whatever wins, the end is
/// consistent: what Google received is exactly what was approved, each approved text once, and a posted reply is
/// the stored text with the approver of that text. Runs on both providers: the concurrency token is plain SQL.
/// </summary>
public abstract class ReviewReplyRaceTests<TApp>(ITestOutputHelper output)
    where TApp : AppFactory, new()
{
    private const int Rounds = 25;
    private const string PageApprover = "page-manager@test.local";

    private static string ReplyUrl(Guid id) => $"/api/v1/admin/social/reviews/{id}/reply";

    private static async Task<Guid> TwoStarReviewAsync(AppFactory app, int round)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var at = new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc).AddHours(round);
        var review = new Review
        {
            Platform = ReviewPlatform.Google, ExternalId = $"RaceReview{round:D2}", ResourceName = $"accounts/112233445566778899001/locations/9988776655443322110/reviews/RaceReview{round:D2}",
            ReviewerName = "A Google user", Rating = 2, Text = "Chef was late.", CreatedAt = at, UpdatedAt = at, ImportedAt = at, LastSeenAt = at,
        };
        db.Add(review);
        await db.SaveChangesAsync();
        return review.Id;
    }

    [Fact]
    public async Task Staff_edits_racing_manager_approvals_on_a_two_star_review_always_end_consistent()
    {
        await using var google = await FakeGoogle.StartAsync();
        await using var app = ReviewTests.NewApp(google, AppFactory.NewDatabase<TApp>());
        var reviews = app.Services.GetRequiredService<ReviewService>();
        var staff = await app.CreateClientInRoleAsync(Roles.Staff);
        var manager = await app.CreateClientInRoleAsync(Roles.Manager);
        var problems = new List<string>();
        var endings = new Dictionary<string, int>();

        for (var round = 0; round < Rounds; round++)
        {
            var id = await TwoStarReviewAsync(app, round);
            var draft = $"Round {round}: we're sorry, please call us.";
            var rewrite = $"Round {round}: a staff rewrite.";
            var own = $"Round {round}: the manager's own words.";
            var waiting = await staff.PostAsJsonAsync(ReplyUrl(id), new { text = draft });
            Assert.Equal(HttpStatusCode.Accepted, waiting.StatusCode);
            var seen = await waiting.Content.ReadFromJsonAsync<JsonElement>();
            var version = seen.GetProperty("replyVersion").GetInt32();

            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var staffEditing = Task.Run(async () => { await go.Task; return await staff.PostAsJsonAsync(ReplyUrl(id), new { text = rewrite }); });
            var approving = Task.Run(async () => { await go.Task; return await reviews.ApproveAsync(id, version, new Actor(PageApprover), default); });
            var managerPosting = Task.Run(async () => { await go.Task; return await manager.PostAsJsonAsync(ReplyUrl(id), new { text = own, replyVersion = version }); });
            go.SetResult();
            await Task.WhenAll(staffEditing, approving, managerPosting);
            var (staffEdit, approval, managerPost) = (await staffEditing, await approving, await managerPosting);

            // What each caller was told was posted, and by whom it was approved.
            var told = new List<(string? Text, string? Approver)>();
            if (approval.Reason is null)
            {
                told.Add((approval.Review!.Reply, approval.Review.ApprovedBy));
                if (approval.Review.Reply != draft)
                {
                    problems.Add($"round {round}: the page approved '{draft}' but '{approval.Review.Reply}' went out");
                }
            }
            var managerStatus = managerPost.StatusCode;
            if (managerStatus == HttpStatusCode.OK)
            {
                var body = await managerPost.Content.ReadFromJsonAsync<JsonElement>();
                told.Add((body.GetProperty("reply").GetString(), body.GetProperty("approvedBy").GetString()));
                if (body.GetProperty("reply").GetString() != own)
                {
                    problems.Add($"round {round}: the manager posted '{own}' but the answer says '{body.GetProperty("reply").GetString()}'");
                }
            }
            foreach (var status in new[] { staffEdit.StatusCode, managerStatus })
            {
                if (status is not (HttpStatusCode.OK or HttpStatusCode.Accepted or HttpStatusCode.Conflict))
                {
                    problems.Add($"round {round}: answered {(int)status}");
                }
            }

            List<string?> received;
            lock (google.Replies)
            {
                received = google.Replies.Where(r => r.Name.EndsWith($"/RaceReview{round:D2}", StringComparison.Ordinal))
                    .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("comment").GetString()).ToList();
            }
            if (!received.Order().SequenceEqual(told.Select(t => t.Text).Order()))
            {
                problems.Add($"round {round}: Google received [{string.Join(" | ", received)}] but callers were told [{string.Join(" | ", told.Select(t => t.Text))}] was posted");
            }

            var final = (await reviews.GetAsync(id, default))!;
            var ending = final.ReplyState switch
            {
                ReplyState.Posted when final.Reply == own && final.ApprovedBy == told.SingleOrDefault(t => t.Text == own).Approver => "manager's words posted",
                ReplyState.Posted when final.Reply == draft && final.ApprovedBy == PageApprover => "draft approved and posted",
                ReplyState.AwaitingApproval when final.ApprovedBy is null && final.Reply == rewrite => "rewrite waiting",
                _ => null,
            };
            if (ending is null)
            {
                problems.Add($"round {round}: ended {final.ReplyState} with '{final.Reply}' approved by {final.ApprovedBy ?? "nobody"}");
            }
            else if (final.ReplyState == ReplyState.Posted && (received.Count(r => r == final.Reply) != 1 || received[^1] != final.Reply))
            {
                problems.Add($"round {round}: posted '{final.Reply}' but Google received [{string.Join(" | ", received)}]");
            }
            var key = (ending ?? "inconsistent") + (received.Count > 0 && final.ReplyState == ReplyState.AwaitingApproval ? " (after a post)" : "");
            endings[key] = endings.GetValueOrDefault(key) + 1;
        }

        output.WriteLine(string.Join(Environment.NewLine, endings.Select(e => $"{e.Value,3} × {e.Key}")));
        Assert.True(problems.Count == 0, $"{problems.Count} inconsistencies in {Rounds} rounds:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }
}

public sealed class ReviewReplyRaceTestsOnSqlite(ITestOutputHelper output) : ReviewReplyRaceTests<AppFactory>(output);

[RequiresPostgres]
public sealed class ReviewReplyRaceTestsOnPostgres(ITestOutputHelper output) : ReviewReplyRaceTests<PostgresAppFactory>(output);
