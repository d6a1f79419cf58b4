using System.Security.Cryptography;

namespace HibachiAdmin.Infrastructure.Web;

/// <summary>
/// Security headers on every response, pages and API alike (set when the response starts, so error
/// pages and problems carry them too). Pages get a content security policy Blazor Server and
/// MudBlazor work under: scripts only from this origin plus the one inline import map, which carries
/// a per-request nonce (<see cref="Nonce"/>); MudBlazor sets inline styles, so styles allow them;
/// the circuit's WebSocket is same-origin ('self'). The Hangfire dashboard and the Scalar reference
/// render inline scripts of their own and get 'unsafe-inline' for scripts, nothing more.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private const string CommonDirectives =
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The nonce of this request's content security policy, for the inline import map.</summary>
    public static string Nonce(HttpContext context)
    {
        if (context.Items[NonceKey] is string nonce)
        {
            return nonce;
        }
        // Hex, not base64: the HTML encoder would write "+" in the attribute as an entity.
        nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        return nonce;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (ctx, next) =>
        {
            ctx.Response.OnStarting(() =>
            {
                var headers = ctx.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XFrameOptions = "DENY";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = PolicyFor(ctx);
                return Task.CompletedTask;
            });
            await next(ctx);
        });

    private static string PolicyFor(HttpContext ctx)
    {
        var path = ctx.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/healthz"))
        {
            return ApiPolicy;
        }
        if (path.StartsWithSegments("/hangfire") || path.StartsWithSegments("/scalar"))
        {
            return $"{CommonDirectives}; script-src 'self' 'unsafe-inline'";
        }
        return $"{CommonDirectives}; script-src 'self' 'nonce-{Nonce(ctx)}'";
    }
}
