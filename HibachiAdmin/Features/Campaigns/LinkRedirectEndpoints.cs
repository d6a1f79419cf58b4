namespace HibachiAdmin.Features.Campaigns;

/// <summary>
/// <c>GET /l/{code}</c>, a campaign's tracked link (CONTRACT.md). Answered from the front of the pipeline
/// (<see cref="LinkRedirectStartupFilter"/>); the mapped endpoint stays as the documented route.
/// </summary>
public static class LinkRedirectEndpoints
{
    public static IEndpointRouteBuilder MapLinkRedirect(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/l/{code}", [HttpMethods.Get, HttpMethods.Head],
                (string code, HttpContext http) => http.RequestServices.GetRequiredService<LinkRedirectHandler>().HandleAsync(http, code))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The code when <paramref name="request"/> is a GET or HEAD of <c>/l/{one segment}</c>, else null.</summary>
    internal static string? Code(HttpRequest request)
    {
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.StartsWithSegments("/l", StringComparison.OrdinalIgnoreCase, out var rest) || !rest.HasValue)
        {
            return null;
        }
        var code = rest.Value![1..];
        return code.Length == 0 || code.Contains('/', StringComparison.Ordinal) ? null : code;
    }
}
