using System.Data.Common;
using System.Net;
using HibachiAdmin.Features.QrCodes;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.QrCodes;

/// <summary>The redirect handler's answers exactly: headers on every answer, each page's title and text, the 503 when the lookup fails, what a scan stores.</summary>
public sealed class QrRedirectTestsOfHandler
{
    /// <summary>Fails the code lookup with the given exception while armed.</summary>
    private sealed class LookupFault : DbCommandInterceptor
    {
        public volatile Func<Exception>? Throw;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Throw is { } make && command.CommandText.Contains("\"QrCodes\"", StringComparison.Ordinal) && command.CommandText.Contains("\"Slug\" =", StringComparison.Ordinal)
                ? throw make()
                : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    private static async Task AssertPageAsync(HttpResponseMessage response, HttpStatusCode status, string title, string text)
    {
        Assert.Equal(status, response.StatusCode);
        AssertCommonHeaders(response);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.StartsWith("default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1><p data-testid=\"qr-status\">{text}</p>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Null(response.Headers.Location);
    }

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer-when-downgrade", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Every_answer_carries_the_no_store_nosniff_and_referrer_headers_and_each_page_its_own_words()
    {
        var start = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        await using var app = QrTestApp.Fast(new AppFactory { Time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(start) });
        var client = app.Browser();
        var live = await app.CreateCodeAsync();
        var off = await app.CreateCodeAsync(new QrCodeInput { Name = "Old menu", Type = QrCodeType.Menu, DestinationUrl = "https://hibachi.example/", IsActive = false });
        var later = await app.CreateCodeAsync(new QrCodeInput { Name = "Gala", Type = QrCodeType.Event, DestinationUrl = "https://hibachi.example/", ValidFrom = start.UtcDateTime.AddDays(1) });
        var past = await app.CreateCodeAsync(new QrCodeInput { Name = "Expo", Type = QrCodeType.Event, DestinationUrl = "https://hibachi.example/", ValidUntil = start.UtcDateTime });

        var found = await client.GetAsync($"/q/{live.Slug}");
        Assert.Equal(HttpStatusCode.Found, found.StatusCode);
        AssertCommonHeaders(found);

        await AssertPageAsync(await client.GetAsync("/q/zzzzzzz"), HttpStatusCode.NotFound, "Code not found", "This QR code is not one of ours, or the link is mistyped.");
        await AssertPageAsync(await client.GetAsync("/q/a_b"), HttpStatusCode.NotFound, "Code not found", "This QR code is not one of ours, or the link is mistyped.");
        await AssertPageAsync(await client.GetAsync($"/q/{off.Slug}"), HttpStatusCode.Gone, "This code is no longer active", "This QR code has expired or was switched off.");
        await AssertPageAsync(await client.GetAsync($"/q/{past.Slug}"), HttpStatusCode.Gone, "This code is no longer active", "This QR code has expired or was switched off.");
        await AssertPageAsync(await client.GetAsync($"/q/{later.Slug}"), HttpStatusCode.Gone, "This code is no longer active", "This QR code is not active yet. Please try again later.");

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/q/{off.Slug}"));
        Assert.Equal(HttpStatusCode.Gone, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        await app.DrainedAsync();
        Assert.Single(await app.ScansAsync());
    }

    [Fact]
    public async Task A_failed_lookup_is_a_503_page_and_the_next_scan_works()
    {
        var fault = new LookupFault();
        await using var app = QrTestApp.Fast(new AppFactory { ConfigureTestServices = s => s.AddSingleton<IInterceptor>(fault) });
        var code = await app.CreateCodeAsync();
        var client = app.Browser();
        foreach (var failure in new Func<Exception>[]
                 {
                     () => new SqliteException("database is locked", 5), () => new TimeoutException("pool"), () => new InvalidOperationException("pool exhausted"),
                 })
        {
            app.Services.GetRequiredService<QrCodeService>().Invalidate(code.Slug);
            fault.Throw = failure;
            await AssertPageAsync(await client.GetAsync($"/q/{code.Slug}"), HttpStatusCode.ServiceUnavailable, "Try again in a moment",
                "We could not look this code up just now. Please scan it again.");
        }
        fault.Throw = null;
        Assert.Equal(HttpStatusCode.Found, (await client.GetAsync($"/q/{code.Slug}")).StatusCode);
        Assert.Single(await app.ScansEventuallyAsync(1));
    }

    [Fact]
    public async Task A_scan_stores_its_referer_and_user_agent_and_none_when_absent()
    {
        await using var app = QrTestApp.Fast();
        var code = await app.CreateCodeAsync();
        var bare = new HttpRequestMessage(HttpMethod.Get, $"/q/{code.Slug}?qr=1");
        var bareAnswer = await app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).SendAsync(bare);
        Assert.Equal(HttpStatusCode.Found, bareAnswer.StatusCode);
        Assert.Single(await app.ScansEventuallyAsync(1));
        var referred = new HttpRequestMessage(HttpMethod.Get, $"/q/{code.Slug}");
        referred.Headers.Referrer = new Uri("https://social.example/post/1");
        await app.Browser().SendAsync(referred);
        var scans = await app.ScansEventuallyAsync(2);
        Assert.Equal((null, null, true, ScanChannel.Printed), (scans[0].UserAgent, scans[0].Referer, scans[0].IsBot, scans[0].Channel));
        Assert.Equal((QrTestApp.PhoneUa, "https://social.example/post/1", false, ScanChannel.Link), (scans[1].UserAgent, scans[1].Referer, scans[1].IsBot, scans[1].Channel));
    }

    [Fact]
    public async Task A_link_with_a_trailing_slash_still_redirects_and_counts()
    {
        // Some link shorteners and typed links add one; the mapped route /q/{slug} answers it.
        await using var app = QrTestApp.Fast();
        var code = await app.CreateCodeAsync();
        var response = await app.Browser().GetAsync($"/q/{code.Slug}/");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(QrTestApp.DefaultLocation, response.Headers.Location!.OriginalString);
        var scan = Assert.Single(await app.ScansEventuallyAsync(1));
        Assert.Equal((code.Id, ScanChannel.Link), (scan.QrCodeId, scan.Channel));
    }

    [Fact]
    public async Task Behind_the_proxy_a_scan_keeps_the_visitors_network_and_the_cookie_is_secure()
    {
        // The proxy on this machine is trusted because it is configured, not because it is loopback.
        await using var app = QrTestApp.Fast().With("ForwardedHeaders:KnownProxies", "127.0.0.1");
        var code = await app.CreateCodeAsync();
        var context = await app.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Get;
            http.Request.Path = $"/q/{code.Slug}";
            http.Request.QueryString = new QueryString("?qr=1");
            http.Request.Headers.UserAgent = QrTestApp.PhoneUa;
            http.Request.Headers["X-Forwarded-For"] = "203.0.113.77";
            http.Request.Headers["X-Forwarded-Proto"] = "https";
            http.Connection.RemoteIpAddress = IPAddress.Loopback; // the proxy on this machine
        });

        Assert.Equal(StatusCodes.Status302Found, context.Response.StatusCode);
        Assert.Contains("secure", context.Response.Headers.SetCookie.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("203.0.113.0", Assert.Single(await app.ScansEventuallyAsync(1)).AnonymizedIp);
    }

    [Fact]
    public async Task A_loopback_client_that_is_not_a_configured_proxy_cannot_choose_the_scans_network_or_scheme()
    {
        await using var app = QrTestApp.Fast();
        var code = await app.CreateCodeAsync();
        var context = await app.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Get;
            http.Request.Path = $"/q/{code.Slug}";
            http.Request.Headers.UserAgent = QrTestApp.PhoneUa;
            http.Request.Headers["X-Forwarded-For"] = "203.0.113.77";
            http.Request.Headers["X-Forwarded-Proto"] = "https";
            http.Connection.RemoteIpAddress = IPAddress.Loopback;
        });

        Assert.Equal(StatusCodes.Status302Found, context.Response.StatusCode);
        Assert.DoesNotContain("secure", context.Response.Headers.SetCookie.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("127.0.0.0", Assert.Single(await app.ScansEventuallyAsync(1)).AnonymizedIp);
    }
}
