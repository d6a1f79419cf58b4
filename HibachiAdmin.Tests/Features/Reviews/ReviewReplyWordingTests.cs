using HibachiAdmin.Common;
using HibachiAdmin.Features.Reviews;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Reviews;

/// <summary>
/// Issue 24 item 3: what goes out publicly reads as a person wrote it (the business phone as (212) 555-0147, not
/// +12125550147), and the manager's approval starts at exactly 3 stars (a 3 waits, a 4 does not).
/// </summary>
public sealed class ReviewReplyWordingTests : IAsyncLifetime
{
    private readonly AppFactory _app = new AppFactory().With("Hangfire:ProcessJobs", "false").With("Business:Phone", "+12125550147");
    private ReviewService _reviews = default!;

    public Task InitializeAsync()
    {
        _reviews = _app.Services.GetRequiredService<ReviewService>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<ReviewDto> AddAsync(int stars, string name) =>
        _reviews.AddManualAsync(new ManualReview(ReviewPlatform.Yelp, name, stars, "The party was " + (stars > 3 ? "great" : "late"), new DateTime(2026, 11, 20, 20, 0, 0, DateTimeKind.Utc), null), default);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Suggested_replies_to_unhappy_reviews_give_the_phone_as_people_write_it(int stars)
    {
        var review = await AddAsync(stars, "Kim Lee");
        var suggestions = await _reviews.SuggestAsync(review.Id, default);
        Assert.Contains(suggestions!, s => s.Contains("(212) 555-0147", StringComparison.Ordinal));
        Assert.All(suggestions!, s => Assert.DoesNotContain("+1212", s, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    [InlineData(5, false)]
    public async Task A_staff_reply_waits_for_a_manager_at_three_stars_or_less_and_not_above(int stars, bool waits)
    {
        var review = await AddAsync(stars, $"Guest {stars}");
        Assert.Equal(waits, review.NeedsApproval);
        var outcome = await _reviews.ReplyAsync(review.Id, "Thank you for telling us.", null, new Actor("staff@test.local"), approver: false, default);
        Assert.Equal(waits ? "needsApproval" : null, outcome.Reason);
        Assert.Equal(waits ? "Replies to ratings of 3 or less wait for a manager's approval." : null, outcome.Detail);
        Assert.Equal(waits ? ReplyState.AwaitingApproval : ReplyState.Manual, outcome.Review!.ReplyState);
        Assert.Null(outcome.Review.ApprovedBy);
        // A manager's own reply needs no second approval, and it is theirs only where approval applies.
        var managed = await _reviews.ReplyAsync(review.Id, "Thank you, from the owner.", null, new Actor("manager@test.local"), approver: true, default);
        Assert.Equal((ReplyState.Manual, waits ? "manager@test.local" : null), (managed.Review!.ReplyState, managed.Review.ApprovedBy));
    }

    [Fact]
    public async Task A_reply_of_exactly_the_maximum_length_is_kept_whole_one_character_more_or_a_blank_one_is_refused_saying_so()
    {
        var review = await AddAsync(5, "Lee Long");
        var longest = new string('a', ReviewService.MaxReply - 1) + "!";
        Assert.Equal(4096, longest.Length);
        var kept = await _reviews.ReplyAsync(review.Id, $"  {longest} ", null, new Actor("staff@test.local"), approver: false, default);
        Assert.Null(kept.Reason);
        Assert.Equal(longest, kept.Review!.Reply);

        foreach (var text in new[] { longest + "!", "   " })
        {
            var refused = await _reviews.ReplyAsync(review.Id, text, null, new Actor("staff@test.local"), approver: false, default);
            Assert.Equal(("invalid", "A reply is 1 to 4096 characters.", (ReviewDto?)null), (refused.Reason, refused.Detail, refused.Review));
        }
        var stored = (await _reviews.GetAsync(review.Id, default))!;
        Assert.Equal((longest, 1), (stored.Reply, stored.ReplyVersion));
    }
}
