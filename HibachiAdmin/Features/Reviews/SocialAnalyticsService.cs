using HibachiAdmin.Common;
using HibachiAdmin.Features.Inbox.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Reviews.Contracts;

namespace HibachiAdmin.Features.Reviews;

/// <summary>Volumes by channel per day, first-response time, response rate, backlog, rating average and trend, share of reviews replied.</summary>
public sealed class SocialAnalyticsService(IInboxService inbox, ReviewService reviews, Formats formats) : ISocialAnalytics
{
    public async Task<SocialAnalytics> GetAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var stats = await inbox.StatsAsync(fromUtc, toUtc, formats.Zone, ct);
        var ratings = await reviews.RatingsAsync(fromUtc, toUtc, ct);
        var byPlatform = Enum.GetValues<Platform>().ToDictionary(p => p.ToString().ToLowerInvariant(), p => stats.Days.Where(d => d.Platform == p).Sum(d => d.Inbound + d.Outbound));
        var trend = ratings.GroupBy(r => WeekStart(DateOnly.FromDateTime(formats.Local(r.CreatedAt))))
            .OrderBy(g => g.Key).Select(g => new RatingWeek(g.Key, Math.Round(g.Average(r => r.Rating), 2), g.Count())).ToList();
        return new SocialAnalytics(fromUtc, toUtc, byPlatform, stats.Days, stats.MedianFirstResponseMinutes, stats.ResponseRate, stats.OpenBacklog, stats.OldestWaitingSince,
            ratings.Count == 0 ? null : Math.Round(ratings.Average(r => r.Rating), 2), ratings.Count,
            ratings.Count == 0 ? 1 : (double)ratings.Count(r => r.Replied) / ratings.Count, trend);
    }

    private static DateOnly WeekStart(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));
}
