namespace HibachiAdmin.Features.Reviews.Contracts;

/// <summary>Volumes, response times and the rating trend (implemented by <c>SocialAnalyticsService</c>).</summary>
public interface ISocialAnalytics
{
    Task<SocialAnalytics> GetAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct);
}
