using System.Net;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>
/// <c>GET /q/{slug}</c>: 302 to the code's destination (cached lookup), the scan queued for the writer.
/// Any slug string is answered: unknown or malformed 404 page, inactive, not yet valid or expired 410
/// page. HEAD requests and link-preview fetchers get the same answer but are never counted.
/// </summary>
public static class QrRedirectEndpoints
{
    public const string VisitorCookie = "hq_v";

    public static IEndpointRouteBuilder MapQrRedirect(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/q/{slug}", [HttpMethods.Get, HttpMethods.Head], RedirectAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    internal static async Task<IResult> RedirectAsync(string slug, HttpContext http, QrCodeService codes, ScanQueue queue, QrGeo geo, TimeProvider time, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var key = QrSlugs.Normalize(slug);
        var target = key is null ? null : await codes.FindTargetAsync(key, ct);
        if (target is null)
        {
            return Page(StatusCodes.Status404NotFound, "Code not found", "This QR code is not one of ours, or the link is mistyped.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var availability = target.AvailabilityAt(now);
        if (availability != QrAvailability.Live)
        {
            return Page(StatusCodes.Status410Gone, "This code is no longer active",
                availability == QrAvailability.NotYetValid ? "This QR code is not active yet. Please try again later." : "This QR code has expired or was switched off.");
        }
        var request = http.Request;
        var userAgent = request.Headers.UserAgent.ToString();
        if (HttpMethods.IsGet(request.Method) && !UserAgentClassifier.IsLinkPreview(userAgent))
        {
            var visitor = VisitorOf(http);
            var channel = request.Query.ContainsKey(QrLinks.PrintedMarker) ? ScanChannel.Printed : ScanChannel.Link;
            var referer = request.Headers.Referer.ToString();
            queue.TryEnqueue(new ScanEvent(target.Id, now, channel, http.Connection.RemoteIpAddress, visitor, userAgent.Length == 0 ? null : userAgent,
                referer.Length == 0 ? null : referer, geo.FromHeaders(request.Headers)));
        }
        return Results.Redirect(QrLinks.Destination(target));
    }

    /// <summary>The first-party visitor cookie (a random id, a year), set when missing or malformed.</summary>
    public static Guid VisitorOf(HttpContext http)
    {
        if (http.Request.Cookies.TryGetValue(VisitorCookie, out var value) && Guid.TryParseExact(value, "N", out var id) && id != Guid.Empty)
        {
            return id;
        }
        id = Guid.NewGuid();
        http.Response.Cookies.Append(VisitorCookie, id.ToString("N"), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(365),
            Path = "/",
            IsEssential = true,
        });
        return id;
    }

    /// <summary>The visitor id of an existing cookie, without setting one.</summary>
    public static Guid? ExistingVisitor(HttpContext http) =>
        http.Request.Cookies.TryGetValue(VisitorCookie, out var value) && Guid.TryParseExact(value, "N", out var id) && id != Guid.Empty ? id : null;

    private static IResult Page(int status, string title, string text) =>
        Results.Content($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(title)}}</title>
            <style>body{font-family:system-ui,sans-serif;margin:0;padding:2rem 1.25rem;color:#222;background:#faf7f2}main{max-width:28rem;margin:auto}h1{font-size:1.4rem}</style>
            </head><body><main><h1>{{WebUtility.HtmlEncode(title)}}</h1><p data-testid="qr-status">{{WebUtility.HtmlEncode(text)}}</p></main></body></html>
            """, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}
