using System.Net;

namespace HibachiAdmin.Common;

/// <summary>
/// The small self-contained HTML page the front-of-pipeline redirects answer with when they cannot redirect (404, 410,
/// 503): its own strict CSP and frame denial, since the app's security headers do not run in front of the pipeline; no
/// body for HEAD.
/// </summary>
public static class StatusPages
{
    /// <param name="testId">The <c>data-testid</c> of the sentence, for the redirect's tests.</param>
    public static Task WriteAsync(HttpContext http, int status, string title, string text, string testId)
    {
        var response = http.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        response.Headers.XFrameOptions = "DENY";
        if (HttpMethods.IsHead(http.Request.Method))
        {
            return Task.CompletedTask;
        }
        return response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(title)}}</title>
            <style>body{font-family:system-ui,sans-serif;margin:0;padding:2rem 1.25rem;color:#222;background:#faf7f2}main{max-width:28rem;margin:auto}h1{font-size:1.4rem}</style>
            </head><body><main><h1>{{WebUtility.HtmlEncode(title)}}</h1><p data-testid="{{testId}}">{{WebUtility.HtmlEncode(text)}}</p></main></body></html>
            """, http.RequestAborted);
    }
}
