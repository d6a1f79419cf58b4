using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using HibachiAdmin.Tests.Infrastructure;

namespace HibachiAdmin.Tests.Infrastructure.Web;

/// <summary>
/// Issue 24 item 11: the first visit downloaded ~810 KB because static files were served uncompressed. Every
/// stylesheet and script the sign-in page links answers compressed when the browser accepts it; the app's own are
/// fingerprinted and cached for good, a package's (MudBlazor) carry their fingerprint as a version and an ETag.
/// </summary>
public sealed class StaticAssetTests : IAsyncLifetime
{
    private readonly AppFactory _app = new AppFactory().With("Hangfire:ProcessJobs", "false");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_stylesheets_and_scripts_a_page_links_are_fingerprinted_compressed_and_cached_for_good()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        var page = await (await client.GetAsync("/Account/Login")).Content.ReadAsStringAsync();
        var links = Regex.Matches(page, @"(?:href|src)=""(?<url>[^""]+\.(?:css|js)(?:\?v=[a-z0-9]+)?)""").Select(m => m.Groups["url"].Value).Distinct().ToList();
        var mud = Assert.Single(links, l => l.Contains("MudBlazor.min.css", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Contains("blazor.web", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Contains("MudBlazor.min.js", StringComparison.Ordinal));
        Assert.All(links, l => Assert.Matches(@"(\.[a-z0-9]{8,}\.(razor\.)?(css|js)|\.(css|js)\?v=[a-z0-9]{8,})$", l));

        long? plainLength = null;
        foreach (var url in links)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/" + url.TrimStart('/'));
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Content.Headers.ContentEncoding.Count == 1, $"{url}: no Content-Encoding");
            if (url.Contains("?v=", StringComparison.Ordinal))
            {
                Assert.NotNull(response.Headers.ETag);
            }
            else
            {
                Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
            }
            if (url == mud)
            {
                var compressed = (await response.Content.ReadAsByteArrayAsync()).Length;
                plainLength = (await client.GetAsync("/" + url.TrimStart('/'))).Content.Headers.ContentLength;
                Assert.True(compressed * 4 < plainLength, $"MudBlazor's stylesheet: {compressed} bytes compressed vs {plainLength} plain");
            }
        }
        Assert.NotNull(plainLength);
    }
}
