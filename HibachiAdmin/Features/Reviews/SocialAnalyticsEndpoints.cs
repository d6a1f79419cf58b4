using HibachiAdmin.Common;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Reviews.Contracts;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HibachiAdmin.Features.Reviews;

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
