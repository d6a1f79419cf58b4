using HibachiAdmin.Features.QrCodes;
using Microsoft.AspNetCore.Http;

namespace HibachiAdmin.Tests.Features.QrCodes;

/// <summary>The redirect's parts that need no app: which requests are redirects, the visitor cookie, the status page.</summary>
public sealed class QrRedirectRequestAndCookieTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, 123, TimeSpan.Zero);

    private static DefaultHttpContext Http(string method = "GET", string path = "/q/abc2345", string? cookie = null, bool https = false)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.Path = path;
        http.Request.IsHttps = https;
        if (cookie is not null)
        {
            http.Request.Headers.Cookie = cookie;
        }
        http.Response.Body = new MemoryStream();
        return http;
    }

    [Theory]
    [InlineData("GET", "/q/abc2345", "abc2345")]
    [InlineData("HEAD", "/q/abc2345", "abc2345")]
    [InlineData("get", "/Q/Abc2345", "Abc2345")]
    [InlineData("POST", "/q/abc2345", null)]
    [InlineData("PUT", "/q/abc2345", null)]
    [InlineData("GET", "/q", null)]
    [InlineData("GET", "/q/", null)]
    [InlineData("GET", "/q/abc/def", null)]
    [InlineData("GET", "/q/abc/", null)]
    [InlineData("GET", "/qr/abc2345", null)]
    [InlineData("GET", "/x/q/abc2345", null)]
    [InlineData("GET", "/", null)]
    public void Only_a_GET_or_HEAD_of_one_segment_under_q_is_a_redirect(string method, string path, string? slug) =>
        Assert.Equal(slug, QrRedirectEndpoints.RedirectSlug(Http(method, path).Request));

    [Fact]
    public void A_valid_visitor_cookie_is_read_back_and_nothing_is_set()
    {
        var id = Guid.NewGuid();
        var http = Http(cookie: $"other=1; {QrRedirectEndpoints.VisitorCookie}={id:N}");
        Assert.Equal(id, QrRedirectEndpoints.ExistingVisitor(http));
        Assert.Equal((id, false), QrRedirectEndpoints.VisitorOf(http, Now));
        Assert.Equal(0, http.Response.Headers.SetCookie.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("hq_v=")]
    [InlineData("hq_v=not-a-guid")]
    [InlineData("hq_v=00000000000000000000000000000000")]
    [InlineData("hq_v=6f9619ff-8b86-d011-b42d-00cf4fc964ff")]
    [InlineData("hq_x=6f9619ff8b86d011b42d00cf4fc964ff")]
    public void A_missing_empty_or_malformed_visitor_cookie_is_replaced_by_a_new_one(string? cookie)
    {
        var http = Http(cookie: cookie);
        Assert.Null(QrRedirectEndpoints.ExistingVisitor(http));
        var (id, isNew) = QrRedirectEndpoints.VisitorOf(http, Now);
        Assert.True(isNew);
        Assert.NotEqual(Guid.Empty, id);
        Assert.Equal(7, id.Version);
        Assert.StartsWith(Now.ToUnixTimeMilliseconds().ToString("x12"), id.ToString("N"), StringComparison.Ordinal); // time-ordered by the scan's time
        Assert.Equal($"hq_v={id:N}; max-age=31536000; path=/; samesite=lax; httponly", Assert.Single(http.Response.Headers.SetCookie));
    }

    [Fact]
    public void Over_https_the_visitor_cookie_is_secure_and_lasts_a_year()
    {
        var http = Http(https: true);
        var (id, _) = QrRedirectEndpoints.VisitorOf(http, Now);
        Assert.Equal($"hq_v={id:N}; max-age=31536000; path=/; secure; samesite=lax; httponly", Assert.Single(http.Response.Headers.SetCookie));
        Assert.Equal(365 * 24 * 3600, QrRedirectEndpoints.CookieMaxAgeSeconds);
        Assert.Equal("hq_v", QrRedirectEndpoints.VisitorCookie);
        Assert.NotEqual(id, QrRedirectEndpoints.VisitorOf(Http(), Now).Id);
    }

    [Fact]
    public async Task The_status_page_is_locked_down_html_with_its_title_and_text_encoded()
    {
        var http = Http();
        await QrRedirectEndpoints.PageAsync(http, 410, "Gone <now>", "Tom & \"Jerry\"");
        Assert.Equal(410, http.Response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", http.Response.ContentType);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            http.Response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("DENY", http.Response.Headers.XFrameOptions.ToString());
        var body = System.Text.Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray());
        Assert.StartsWith("<!DOCTYPE html>", body, StringComparison.Ordinal);
        Assert.Contains("<title>Gone &lt;now&gt;</title>", body, StringComparison.Ordinal);
        Assert.Contains("<h1>Gone &lt;now&gt;</h1><p data-testid=\"qr-status\">Tom &amp; &quot;Jerry&quot;</p>", body, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_page_answers_HEAD_with_its_headers_and_no_body()
    {
        var http = Http("HEAD");
        await QrRedirectEndpoints.PageAsync(http, 404, "Code not found", "text");
        Assert.Equal((404, "text/html; charset=utf-8", "DENY"), (http.Response.StatusCode, http.Response.ContentType, http.Response.Headers.XFrameOptions.ToString()));
        Assert.StartsWith("default-src 'none'", http.Response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, http.Response.Body.Length);
    }
}

