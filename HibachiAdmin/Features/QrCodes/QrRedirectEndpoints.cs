using HibachiAdmin.Common;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Net.Http.Headers;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>
/// <c>GET /q/{slug}</c>: 302 to the code's destination (cached lookup), the scan queued for the writer.
/// Any slug string is answered: unknown or malformed 404 page, inactive, not yet valid or expired 410
/// page. HEAD requests and link-preview fetchers get the same answer but are never counted.
/// Served from the front of the pipeline (<see cref="QrRedirectStartupFilter"/>): an anonymous redirect
/// needs no authentication, antiforgery, rate limiting or routing, and skipping them more than doubles
/// its throughput; the mapped endpoint stays as the documented route.
/// </summary>
public static class QrRedirectEndpoints
{
    public const string VisitorCookie = "hq_v";

    public static IEndpointRouteBuilder MapQrRedirect(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/q/{slug}", [HttpMethods.Get, HttpMethods.Head], (string slug, HttpContext http) => HandleAsync(http, slug))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The slug when <paramref name="request"/> is a GET or HEAD of <c>/q/{one segment}</c>, else null.</summary>
    internal static string? RedirectSlug(HttpRequest request)
    {
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.StartsWithSegments("/q", StringComparison.OrdinalIgnoreCase, out var rest) || !rest.HasValue)
        {
            return null;
        }
        // A remainder always starts with '/' ("/q/" leaves "/").
        var slug = rest.Value![1..];
        return slug.Length == 0 || slug.Contains('/', StringComparison.Ordinal) ? null : slug;
    }

    public static Task HandleAsync(HttpContext http, string slug) => http.RequestServices.GetRequiredService<QrRedirectHandler>().HandleAsync(http, slug);

    /// <summary>
    /// The first-party visitor cookie (a random id, a year), set when missing or malformed. A new id is
    /// time-ordered (UUIDv7: 74 random bits after the time), so the scans table's visitor index grows at its
    /// end instead of at random pages: at thousands of new visitors a second that is what lets one writer keep up.
    /// </summary>
    public static (Guid Id, bool IsNew) VisitorOf(HttpContext http, DateTimeOffset now)
    {
        if (ExistingVisitor(http) is { } existing)
        {
            return (existing, false);
        }
        var id = TimeOrderedIds.Next(now);
        // The same header Cookies.Append writes for these options, without building it through CookieOptions per scan.
        http.Response.Headers.Append(HeaderNames.SetCookie,
            $"{VisitorCookie}={id:N}; max-age={CookieMaxAgeSeconds}; path=/; {(http.Request.IsHttps ? "secure; " : "")}samesite=lax; httponly");
        return (id, true);
    }

    public const int CookieMaxAgeSeconds = 365 * 24 * 3600;

    /// <summary>The visitor id of an existing cookie, without setting one.</summary>
    public static Guid? ExistingVisitor(HttpContext http) =>
        // No Cookie header (a first scan): skip building the request's cookie collection.
        http.Request.Headers.Cookie.Count > 0 && http.Request.Cookies.TryGetValue(VisitorCookie, out var value) && Guid.TryParseExact(value, "N", out var id) && id != Guid.Empty ? id : null;

    internal static Task PageAsync(HttpContext http, int status, string title, string text) => StatusPages.WriteAsync(http, status, title, text, "qr-status");
}
