using Microsoft.Net.Http.Headers;

namespace HibachiAdmin.Features.Inbox;

/// <summary>
/// <c>GET /files/{token}</c>: a file an Admin shared for customers (a saved reply links to it). Anonymous: the random
/// token is the key, like the quote page's. Served inert: its own type, never sniffed, sandboxed, so a picture or PDF
/// cannot run anything on our origin. Unknown or malformed token: 404.
/// </summary>
public static class SharedFileEndpoints
{
    public static IEndpointRouteBuilder MapSharedFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/files/{token}", async (string token, SavedReplyService replies, HttpContext http, CancellationToken ct) =>
        {
            if (await replies.FindFileAsync(token, ct) is not { } file)
            {
                return Results.NotFound();
            }
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; object-src 'self'; plugin-types application/pdf; sandbox";
            http.Response.Headers.CacheControl = "private, max-age=3600";
            http.Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("inline") { FileNameStar = file.Name }.ToString();
            return Results.Bytes(file.Content, file.ContentType);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
