namespace HibachiAdmin.Infrastructure.Providers.Google;

/// <summary>
/// The default source: a few demo Google reviews, and replies recorded instead of posted (so the whole
/// feature works without a Google account).
/// </summary>
public sealed class SandboxGoogleReviewSource(TimeProvider time) : IGoogleReviewSource
{
    /// <summary>
    /// The fixed instant the sandbox's reviews are dated from: a review's time is this less its own fixed offset, so every
    /// import (hourly, and after a restart) reads the same times. A clock before it (a test's) moves the anchor back to the clock.
    /// </summary>
    public static readonly DateTime Anchor = new(2026, 11, 23, 23, 0, 0, DateTimeKind.Utc);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, GoogleReply> _replies = new();

    public bool IsSandbox => true;

    public IReadOnlyDictionary<string, GoogleReply> Replies => _replies;

    public Task<GoogleReviewPage> ListAsync(string? pageToken, CancellationToken ct)
    {
        var clock = time.GetUtcNow().UtcDateTime;
        var now = clock < Anchor ? clock : Anchor;
        const string prefix = "accounts/demo/locations/demo/reviews/";
        GoogleReview Review(string id, string name, string stars, string? comment, double daysAgo) =>
            new(prefix + id, id, new GoogleReviewer(name, false), stars, comment, now.AddDays(-daysAgo), now.AddDays(-daysAgo), _replies.GetValueOrDefault(prefix + id));
        IReadOnlyList<GoogleReview> reviews =
        [
            Review("demo-g-1", "Ava Miller", "FIVE", "Chef Ken was incredible — the kids loved the onion volcano and the fried rice was the best we've had. Worth every penny for my daughter's 10th birthday!", 3),
            Review("demo-g-2", "Marcus Reed", "FOUR", "Great food and show. Setup took a little longer than expected but the chef made up for it.", 9),
            Review("demo-g-3", "Dana Kim", "TWO", "Chef arrived 45 minutes late and we had to push dinner back. Food was good once it started.", 14),
            Review("demo-g-4", "Luis Ortega", "FIVE", null, 21),
        ];
        return Task.FromResult(new GoogleReviewPage(reviews, 4.0, reviews.Count, null));
    }

    public Task<GoogleReply> UpdateReplyAsync(string reviewName, string comment, CancellationToken ct)
    {
        var reply = new GoogleReply(comment, time.GetUtcNow().UtcDateTime);
        _replies[reviewName] = reply;
        return Task.FromResult(reply);
    }
}
