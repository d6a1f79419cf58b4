using Microsoft.Net.Http.Headers;

namespace HibachiAdmin.Features.Inbox;

/// <summary>
/// <c>GET /files/{token}</c>: a file an Admin shared for customers (a saved reply links to it). Anonymous: the random
/// token is the key, like the quote page's. Served inert from the front of the pipeline (<see cref="SharedFileStartupFilter"/>,
/// as the QR redirect is), so its headers are its own: its own type, never sniffed, a sandboxing policy, never framed; a
/// picture or PDF cannot run anything on our origin. Unknown or malformed token: 404. The mapped endpoint stays as the
/// documented route.
/// </summary>
public static class SharedFileEndpoints
{
    public static IEndpointRouteBuilder MapSharedFiles(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/files/{token}", [HttpMethods.Get, HttpMethods.Head], (string token, HttpContext http) => ServeAsync(http, token))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The token when <paramref name="request"/> is a GET or HEAD of <c>/files/{one segment}</c>, else null.</summary>
    internal static string? Token(HttpRequest request)
    {
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.StartsWithSegments("/files", StringComparison.Ordinal, out var rest) || !rest.HasValue)
        {
            return null;
        }
        var token = rest.Value![1..];
        return token.Length == 0 || token.Contains('/', StringComparison.Ordinal) ? null : token;
    }

    public static async Task ServeAsync(HttpContext http, string token)
    {
        var response = http.Response;
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        var file = await http.RequestServices.GetRequiredService<SavedReplyService>().FindFileAsync(token, http.RequestAborted);
        if (file is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            headers.CacheControl = "no-store";
            return;
        }
        headers.CacheControl = "private, max-age=3600";
        headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("inline") { FileNameStar = file.Name }.ToString();
        response.ContentType = file.ContentType;
        response.ContentLength = file.Content.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await response.Body.WriteAsync(file.Content, http.RequestAborted);
        }
    }
}
