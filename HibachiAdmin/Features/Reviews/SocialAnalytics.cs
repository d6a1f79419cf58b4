using HibachiAdmin.Common;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HibachiAdmin.Features.Reviews;

public sealed record RatingWeek(DateOnly WeekStart, double Average, int Count);

public sealed record SocialAnalytics(
    DateTime From,
    DateTime To,
    IReadOnlyDictionary<string, int> MessagesByPlatform,
    IReadOnlyList<DayVolume> Days,
    double? MedianFirstResponseMinutes,
    double ResponseRate,
    int OpenBacklog,
    DateTime? OldestWaitingSince,
    double? RatingAverage,
    int ReviewCount,
    double ReplyShare,
    IReadOnlyList<RatingWeek> RatingTrend);

/// <summary>Volumes by channel per day, first-response time, response rate, backlog, rating average and trend, share of reviews replied.</summary>
public sealed class SocialAnalyticsService(InboxService inbox, ReviewService reviews, Formats formats)
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

public static class SocialAnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapSocialAnalyticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/admin/social").WithTags("Social analytics").RequireAuthorization(Policies.StaffPlus)
            .MapGet("/analytics", GetAsync).WithSummary("Volumes by platform and day, median first-response time, response rate, backlog, review rating trend (from/to: ISO dates or instants; default the last 30 days)");
        return app;
    }

    private static async Task<Results<Ok<SocialAnalytics>, ValidationProblem>> GetAsync(SocialAnalyticsService analytics, TimeProvider time, Common.Formats formats,
        string? from, string? to, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var now = time.GetUtcNow().UtcDateTime;
        // A date alone is a whole day in the business's time zone: from its first moment, to the end of "to".
        var end = Parse(to, "to", errors, formats, endOfDay: true) ?? now;
        var start = Parse(from, "from", errors, formats, endOfDay: false) ?? end.AddDays(-30);
        if (errors.Count == 0 && (end <= start || end - start > TimeSpan.FromDays(400)))
        {
            errors["to"] = ["Expected to after from, at most 400 days apart."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await analytics.GetAsync(start, end, ct));
    }

    private static DateTime? Parse(string? value, string field, Dictionary<string, string[]> errors, Common.Formats formats, bool endOfDay)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return day.Year is > 2000 and < 2200 ? formats.UtcStartOf(endOfDay ? day.AddDays(1) : day) : Invalid();
        }
        if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            && at.Year is > 2000 and < 2200)
        {
            return at.UtcDateTime;
        }
        return Invalid();

        DateTime? Invalid()
        {
            errors[field] = ["Expected an ISO 8601 date or instant."];
            return null;
        }
    }
}
