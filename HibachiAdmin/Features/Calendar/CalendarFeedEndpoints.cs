using System.Text;

namespace HibachiAdmin.Features.Calendar;

/// <summary>
/// <c>GET /ical/{token}.ics</c> (CONTRACT.md): a calendar feed Google, Apple or Outlook Calendar subscribes to. Anonymous:
/// the 128-bit token is the key, like the quote page's; rate-limited per address like the other anonymous routes. Unknown,
/// malformed or revoked token: 404, with no database read for a malformed one; a database outage: 503; never a 5xx otherwise.
/// </summary>
public static class CalendarFeedEndpoints
{
    public const string Route = "/ical/{token}.ics";

    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Route, [HttpMethods.Get, HttpMethods.Head], ServeAsync).AllowAnonymous().ExcludeFromDescription();
        // Anything else under /ical (no token, no .ics) is no feed either: the same 404, not the app's HTML pages.
        app.MapMethods("/ical/{**rest}", [HttpMethods.Get, HttpMethods.Head], () => NoSuchFeed()).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ServeAsync(string token, HttpContext http, CalendarFeedService feeds, IConfiguration configuration, ILoggerFactory loggers)
    {
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.CacheControl = "no-store";
        try
        {
            var feed = await feeds.FindAsync(token, http.RequestAborted);
            var text = feed is null ? null : await feeds.WriteAsync(feed, BaseUrl(http.Request, configuration), http.RequestAborted);
            if (text is null)
            {
                return NoSuchFeed();
            }
            http.Response.Headers.CacheControl = "private, max-age=300";
            return TypedResults.Text(text, "text/calendar; charset=utf-8", Encoding.UTF8);
        }
        catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException or InvalidOperationException
                                   && !http.RequestAborted.IsCancellationRequested)
        {
            loggers.CreateLogger(typeof(CalendarFeedEndpoints)).LogError(ex, "Calendar feed unavailable");
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Calendar feed unavailable", detail: "Try again in a few minutes.");
        }
    }

    private static IResult NoSuchFeed() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such calendar feed",
        detail: "This calendar link is unknown or was revoked. Ask for a new link.");

    /// <summary>Where links in the feed point: <c>Qr:PublicBaseUrl</c> when set (the public address), else this request's own.</summary>
    private static string BaseUrl(HttpRequest request, IConfiguration configuration) =>
        configuration["Qr:PublicBaseUrl"] is { Length: > 0 } configured && Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
