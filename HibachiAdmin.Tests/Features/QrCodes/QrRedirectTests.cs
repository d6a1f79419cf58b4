using System.Net;
using CsCheck;
using HibachiAdmin.Features.QrCodes;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.QrCodes;

/// <summary>
/// <c>GET /q/{slug}</c> exactly: status, Location, what is counted and how. Most tests share one host (they run one
/// after another) and read back only their own code's scans; those that need a clock, settings or Kestrel of their
/// own start one.
/// </summary>
public sealed class QrRedirectTests(QrAppFactory shared) : IClassFixture<QrAppFactory>
{
    private const string Expected = QrTestApp.DefaultLocation;

    [Fact]
    public async Task A_printed_scan_is_a_302_with_utm_parameters_and_one_scan_recorded()
    {
        var app = shared;
        var code = await app.CreateCodeAsync();
        var response = await app.Browser().GetAsync($"/q/{code.Slug}?qr=1");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(Expected, response.Headers.Location!.OriginalString);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"{QrRedirectEndpoints.VisitorCookie}=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        var scan = Assert.Single(await app.ScansEventuallyAsync(1, code.Id));
        Assert.Equal((code.Id, ScanChannel.Printed, DeviceType.Mobile, "iOS", "Safari", false, true),
            (scan.QrCodeId, scan.Channel, scan.Device, scan.Os, scan.Browser, scan.IsBot, scan.IsNewVisitor));
        Assert.Equal(QrTestApp.PhoneUa, scan.UserAgent);
        Assert.Equal(Guid.ParseExact(cookie.Split(';')[0].Split('=')[1], "N"), scan.VisitorId);
    }

    [Fact]
    public async Task The_shared_link_without_the_marker_counts_as_a_link_click_and_the_slug_is_case_insensitive()
    {
        var app = shared;
        var code = await app.CreateCodeAsync();
        var response = await app.Browser().GetAsync($"/q/{code.Slug.ToUpperInvariant()}");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(Expected, response.Headers.Location!.OriginalString);
        Assert.Equal(ScanChannel.Link, Assert.Single(await app.ScansEventuallyAsync(1, code.Id)).Channel);
    }

    [Fact]
    public async Task An_inquiry_form_code_redirects_to_its_form()
    {
        var app = shared;
        var code = await app.CreateCodeAsync(new QrCodeInput { Name = "Table 4", Type = QrCodeType.Table, UsesInquiryForm = true, Venue = "Harbor Hall", TableNumber = 4 });
        var response = await app.Browser().GetAsync($"/q/{code.Slug}?qr=1");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal($"/inquiry/{code.Slug}", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("zzzzzzz")]
    [InlineData("no_such")]
    [InlineData("%F0%9F%8D%A3")]
    [InlineData("a%20b")]
    public async Task Unknown_or_malformed_slugs_get_the_404_page(string slug)
    {
        var app = shared;
        var response = await app.Browser().GetAsync($"/q/{slug}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Code not found", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Inactive_not_yet_valid_and_expired_codes_get_the_410_page_and_count_nothing()
    {
        var start = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(start);
        await using var app = QrTestApp.Fast(new AppFactory { Time = clock });
        var client = app.Browser();
        var windowed = await app.CreateCodeAsync(new QrCodeInput
        {
            Name = "Holiday flyer", Type = QrCodeType.Flyer, DestinationUrl = "https://hibachi.example/",
            ValidFrom = start.UtcDateTime.AddHours(1), ValidUntil = start.UtcDateTime.AddHours(2),
        });
        var off = await app.CreateCodeAsync(new QrCodeInput { Name = "Old menu", Type = QrCodeType.Menu, DestinationUrl = "https://hibachi.example/", IsActive = false });

        async Task<HttpStatusCode> Status(QrCode c) => (await client.GetAsync($"/q/{c.Slug}?qr=1")).StatusCode;

        var inactive = await client.GetAsync($"/q/{off.Slug}");
        Assert.Equal(HttpStatusCode.Gone, inactive.StatusCode);
        Assert.Contains("no longer active", await inactive.Content.ReadAsStringAsync());
        var early = await client.GetAsync($"/q/{windowed.Slug}");
        Assert.Equal(HttpStatusCode.Gone, early.StatusCode);
        Assert.Contains("not active yet", await early.Content.ReadAsStringAsync());
        clock.SetUtcNow(start.AddHours(1).AddTicks(-1));
        Assert.Equal(HttpStatusCode.Gone, await Status(windowed));
        clock.SetUtcNow(start.AddHours(1));
        Assert.Equal(HttpStatusCode.Found, await Status(windowed));
        clock.SetUtcNow(start.AddHours(2).AddTicks(-1));
        Assert.Equal(HttpStatusCode.Found, await Status(windowed));
        clock.SetUtcNow(start.AddHours(2));
        var expired = await client.GetAsync($"/q/{windowed.Slug}");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync());

        await app.DrainedAsync();
        var scans = await app.ScansAsync();
        Assert.Equal(2, scans.Count);
        Assert.All(scans, s => Assert.Equal(windowed.Id, s.QrCodeId));
        Assert.Equal([start.UtcDateTime.AddHours(1), start.UtcDateTime.AddHours(2).AddTicks(-1)], scans.Select(s => s.At).ToArray());
    }

    [Theory]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("WhatsApp/2.23.20.0 A")]
    [InlineData("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)")]
    [InlineData("Twitterbot/1.0")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0")]
    public async Task Link_preview_fetchers_and_HEAD_requests_are_answered_but_never_counted(string previewUa)
    {
        var app = shared;
        var code = await app.CreateCodeAsync();
        var accepted = app.Services.GetRequiredService<ScanQueue>().Accepted;
        var client = app.Browser();
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/q/{code.Slug}?qr=1"));
        Assert.Equal(HttpStatusCode.Found, head.StatusCode);
        Assert.Equal(Expected, head.Headers.Location!.OriginalString);

        var preview = new HttpRequestMessage(HttpMethod.Get, $"/q/{code.Slug}");
        preview.Headers.TryAddWithoutValidation("User-Agent", previewUa);
        var answer = await app.Browser().SendAsync(preview);
        Assert.Equal(HttpStatusCode.Found, answer.StatusCode);
        Assert.Equal(Expected, answer.Headers.Location!.OriginalString);
        Assert.False(answer.Headers.Contains("Set-Cookie"));

        // One real scan after them: it is the only one written.
        await client.GetAsync($"/q/{code.Slug}?qr=1");
        await app.ScansEventuallyAsync(1, code.Id);
        await app.DrainedAsync();
        Assert.Single(await app.ScansAsync(code.Id));
        Assert.Equal(accepted + 1, app.Services.GetRequiredService<ScanQueue>().Accepted);
    }

    [Fact]
    public async Task A_crawler_scan_is_stored_flagged_as_a_bot_and_left_out_of_analytics_by_default()
    {
        var app = shared;
        var code = await app.CreateCodeAsync();
        var bot = new HttpRequestMessage(HttpMethod.Get, $"/q/{code.Slug}?qr=1");
        bot.Headers.TryAddWithoutValidation("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        Assert.Equal(HttpStatusCode.Found, (await app.Browser().SendAsync(bot)).StatusCode);
        await app.Browser().GetAsync($"/q/{code.Slug}?qr=1");
        var scans = await app.ScansEventuallyAsync(2, code.Id);
        Assert.Equal([false, true], scans.Select(s => s.IsBot).Order().ToArray());
        Assert.Equal((DeviceType.Bot, "Googlebot"), scans.Where(s => s.IsBot).Select(s => (s.Device, s.Browser)).Single());

        var analytics = app.Services.GetRequiredService<QrAnalyticsService>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var humans = await analytics.GetAsync(today.AddDays(-1), today, code.Id, includeBots: false, CancellationToken.None);
        Assert.Equal((1L, 1L, 1L), (humans.Scans, humans.UniqueVisitors, humans.BotScans));
        Assert.DoesNotContain(humans.Devices, d => d.Name == "Bot");
        var all = await analytics.GetAsync(today.AddDays(-1), today, code.Id, includeBots: true, CancellationToken.None);
        Assert.Equal((2L, 2L), (all.Scans, all.UniqueVisitors));
        Assert.Contains(all.Devices, d => d.Name == "Bot" && d.Scans == 1);
    }

    [Fact]
    public async Task The_visitor_cookie_makes_repeat_scans_not_unique()
    {
        var app = shared;
        var code = await app.CreateCodeAsync();
        var other = await app.CreateCodeAsync("https://hibachi.example/other");
        var returning = app.Browser(cookies: true);
        await returning.GetAsync($"/q/{code.Slug}?qr=1");
        await app.ScansEventuallyAsync(1, code.Id);
        await returning.GetAsync($"/q/{code.Slug}?qr=1");
        await returning.GetAsync($"/q/{other.Slug}?qr=1");
        await app.Browser().GetAsync($"/q/{code.Slug}?qr=1");
        var scans = (await app.ScansEventuallyAsync(3, code.Id)).Concat(await app.ScansEventuallyAsync(1, other.Id)).OrderBy(s => s.At).ThenBy(s => s.Id).ToList();
        Assert.Equal([true, false, true], scans.Where(s => s.VisitorId == scans[0].VisitorId).Select(s => s.IsNewVisitor).ToArray());
        Assert.Equal(2, scans.Select(s => s.VisitorId).Distinct().Count());

        var total = (await app.DailyAsync(code.Id)).Single(d => d.Dimension == QrAggregates.Total);
        Assert.Equal((3L, 2L, false), (total.Scans, total.NewVisitors, total.IsBot));
        var channel = (await app.DailyAsync(code.Id)).Single(d => d.Dimension == QrAggregates.Channel);
        Assert.Equal(("Printed", 3L), (channel.Value, channel.Scans));
    }

    [Fact]
    public async Task A_malformed_visitor_cookie_is_replaced()
    {
        var app = shared;
        var code = await app.CreateCodeAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/q/{code.Slug}");
        request.Headers.Add("Cookie", $"{QrRedirectEndpoints.VisitorCookie}=not-a-guid");
        var response = await app.Browser().SendAsync(request);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"{QrRedirectEndpoints.VisitorCookie}=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_edit_is_seen_by_the_next_redirect_although_the_lookup_is_cached()
    {
        var app = shared;
        var code = await app.CreateCodeAsync();
        var client = app.Browser();
        Assert.Equal(Expected, (await client.GetAsync($"/q/{code.Slug}")).Headers.Location!.OriginalString);
        var service = app.Services.GetRequiredService<QrCodeService>();
        var edited = await service.UpdateAsync(code.Id, QrCodeInput.From(code) with { DestinationUrl = "https://hibachi.example/book", UtmMedium = "print" }, CancellationToken.None);
        Assert.Null(edited.Errors);
        Assert.Equal("https://hibachi.example/book?utm_source=flyer&utm_medium=print&utm_campaign=spring-2027&utm_content=harbor-hall",
            (await client.GetAsync($"/q/{code.Slug}")).Headers.Location!.OriginalString);
        Assert.True(await service.SetActiveAsync(code.Id, false, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync($"/q/{code.Slug}")).StatusCode);
        Assert.True(await service.SetActiveAsync(code.Id, true, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Found, (await client.GetAsync($"/q/{code.Slug}")).StatusCode);
    }

    [Fact]
    public async Task An_edit_on_another_instance_reaches_this_instance_cached_redirect_within_the_sync_interval()
    {
        // Two app instances over one database, as behind a load balancer: B has the code cached, A edits it.
        var database = SqliteTestDatabase.CreateNew();
        await using var a = AppFactory.OverDatabase(database, deleteDatabase: false).With("Qr:CacheSyncSeconds", "0.2");
        await using var b = QrTestApp.Fast(AppFactory.OverDatabase(database, deleteDatabase: true)).With("Qr:CacheSyncSeconds", "0.2");
        var code = await a.CreateCodeAsync();
        var client = b.Browser();
        Assert.Equal(Expected, (await client.GetAsync($"/q/{code.Slug}")).Headers.Location!.OriginalString);

        var edited = await a.Services.GetRequiredService<QrCodeService>()
            .UpdateAsync(code.Id, QrCodeInput.From(code) with { DestinationUrl = "https://hibachi.example/book" }, CancellationToken.None);
        Assert.Null(edited.Errors);
        await Eventually.UntilAsync(async () => (await client.GetAsync($"/q/{code.Slug}")).Headers.Location?.OriginalString ?? "",
            location => location.StartsWith("https://hibachi.example/book?", StringComparison.Ordinal), "instance B redirects to the edited destination",
            describe: location => location);
        Assert.True(await a.Services.GetRequiredService<QrCodeService>().SetActiveAsync(code.Id, false, CancellationToken.None));
        await Eventually.UntilAsync(async () => (await client.GetAsync($"/q/{code.Slug}")).StatusCode, status => status == HttpStatusCode.Gone,
            "instance B answers 410 for the code switched off on A", describe: status => status.ToString());
    }

    [Fact]
    public async Task An_unknown_slug_answered_once_is_found_as_soon_as_a_code_takes_it()
    {
        var app = shared;
        var code = await app.CreateCodeAsync();
        var service = app.Services.GetRequiredService<QrCodeService>();
        var client = app.Browser();
        // The create invalidates its slug, so a 404 cached before would not outlive it.
        service.Invalidate(code.Slug);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/q/zz9zz9z")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await client.GetAsync($"/q/{code.Slug}")).StatusCode);
    }

    [Fact]
    public async Task Any_slug_string_at_all_is_answered_without_a_5xx()
    {
        // Over real Kestrel (the test host's client refuses some of these paths before the app sees them).
        await using var kestrel = QrTestApp.Fast();
        var app = kestrel;
        app.UseKestrel(0);
        app.StartServer();
        var code = await app.CreateCodeAsync();
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.ClientOptions.BaseAddress };
        var fixedCases = new[]
        {
            "", "%00", "%2F", "..", "%2e%2e", "%C0%AF", "%FF%FE", "a%0d%0aSet-Cookie:x=1", "<script>", "'%20or%201=1--", new string('a', 33), new string('z', 2000),
            new string('%', 1) + "zz", "q?x=1", "%E2%80%AE" + code.Slug, code.Slug + "%00", Uri.EscapeDataString("🍣🔥"), "CON", "null", "-1",
        };
        foreach (var slug in fixedCases)
        {
            var response = await client.GetAsync($"/q/{slug}");
            Assert.True((int)response.StatusCode < 500, $"/q/{slug} → {(int)response.StatusCode}");
        }
        await Gen.String[Gen.Char, 0, 300].SampleAsync(async text =>
        {
            var response = await client.GetAsync("/q/" + Uri.EscapeDataString(text));
            return (int)response.StatusCode is 302 or 404 or 400 or 414 or 410 or 301 or 308 or 200;
        }, iter: 300, threads: 1);
        // Past Kestrel's request-line limit: refused by the server with a 4xx before routing.
        Assert.Equal(HttpStatusCode.RequestUriTooLong, (await client.GetAsync("/q/" + new string('x', 40_000))).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await client.GetAsync($"/q/{code.Slug}")).StatusCode);
    }

    [Fact]
    public async Task Geo_comes_from_the_configured_proxy_headers_only()
    {
        await using var app = QrTestApp.Fast().With("Geo:CountryHeader", "CF-IPCountry").With("Geo:CityHeader", "CF-IPCity")
            .With("Geo:RegionHeader", "CF-Region").With("Geo:LatitudeHeader", "CF-IPLatitude").With("Geo:LongitudeHeader", "CF-IPLongitude");
        var code = await app.CreateCodeAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/q/{code.Slug}?qr=1");
        request.Headers.Add("CF-IPCountry", "us");
        request.Headers.Add("CF-IPCity", "Miami");
        request.Headers.Add("CF-Region", "Florida");
        request.Headers.Add("CF-IPLatitude", "25.7617");
        request.Headers.Add("CF-IPLongitude", "-80.1918");
        await app.Browser().SendAsync(request);
        var bad = new HttpRequestMessage(HttpMethod.Get, $"/q/{code.Slug}?qr=1");
        bad.Headers.Add("CF-IPCountry", "XX");
        bad.Headers.Add("CF-IPLatitude", "123");
        await app.Browser().SendAsync(bad);
        var scans = await app.ScansEventuallyAsync(2);
        Assert.Equal(("US", "Florida", "Miami", 25.7617, -80.1918), (scans[0].Country, scans[0].Region, scans[0].City, scans[0].Latitude!.Value, scans[0].Longitude!.Value));
        Assert.Equal((null, null, null), (scans[1].Country, scans[1].City, scans[1].Latitude));
        var city = (await app.DailyAsync(code.Id)).Single(d => d.Dimension == QrAggregates.City && d.Value.Length > 0);
        Assert.Equal("Miami, Florida, US", city.Value);

        await using var unconfigured = QrTestApp.Fast();
        var other = await unconfigured.CreateCodeAsync();
        var spoofed = new HttpRequestMessage(HttpMethod.Get, $"/q/{other.Slug}");
        spoofed.Headers.Add("CF-IPCountry", "US");
        await unconfigured.Browser().SendAsync(spoofed);
        Assert.Null(Assert.Single(await unconfigured.ScansEventuallyAsync(1)).Country);
    }
}
