using System.Net;
using HibachiAdmin.Features.QrCodes;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.QrCodes;

/// <summary>The scan writer: nothing lost on a graceful stop, a full queue drops instead of slowing redirects, raw addresses never stored.</summary>
public sealed class ScanWriterTests
{
    [Fact]
    public async Task A_graceful_shutdown_writes_every_queued_scan()
    {
        var database = SqliteTestDatabase.CreateNew();
        QrCode code;
        const int Scans = 500;
        // A one-minute flush interval: everything is still queued when the host stops.
        await using (var app = AppFactory.OverDatabase(database, deleteDatabase: false).With("Qr:ScanFlushMilliseconds", "60000"))
        {
            code = await app.CreateCodeAsync();
            var client = app.Browser();
            for (var i = 0; i < Scans; i++)
            {
                Assert.Equal(HttpStatusCode.Found, (await client.GetAsync($"/q/{code.Slug}?qr=1")).StatusCode);
            }
            Assert.Equal(Scans, app.Services.GetRequiredService<ScanQueue>().Accepted);
            Assert.Empty(await app.ScansAsync());
        }
        await using var after = AppFactory.OverDatabase(database, deleteDatabase: true);
        var scans = await after.ScansAsync(code.Id);
        Assert.Equal(Scans, scans.Count);
        var total = (await after.DailyAsync(code.Id)).Single(d => d.Dimension == QrAggregates.Total);
        Assert.Equal((long)Scans, total.Scans);
        Assert.Equal((long)Scans, total.NewVisitors); // no cookie kept: every scan a new visitor
    }

    [Fact]
    public async Task A_full_queue_drops_scans_and_the_redirect_still_answers()
    {
        await using var app = new AppFactory().With("Qr:ScanFlushMilliseconds", "60000").With("Qr:ScanQueueCapacity", "5");
        var code = await app.CreateCodeAsync();
        var client = app.Browser();
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(HttpStatusCode.Found, (await client.GetAsync($"/q/{code.Slug}?qr=1")).StatusCode);
        }
        var queue = app.Services.GetRequiredService<ScanQueue>();
        Assert.Equal((5L, 7L), (queue.Accepted, queue.Dropped));
    }

    [Fact]
    public async Task The_writer_stores_the_network_part_only_and_geo_looked_up_from_the_raw_address()
    {
        await using var app = QrTestApp.Fast();
        var code = await app.CreateCodeAsync();
        var queue = app.Services.GetRequiredService<ScanQueue>();
        var at = new DateTime(2026, 11, 26, 23, 59, 59, DateTimeKind.Utc);
        Assert.True(queue.TryEnqueue(new ScanEvent(code.Id, at, ScanChannel.Printed, IPAddress.Parse("203.0.113.77"), Guid.NewGuid(), QrTestApp.PhoneUa, "https://instagram.com/", null)));
        Assert.True(queue.TryEnqueue(new ScanEvent(code.Id, at.AddSeconds(1), ScanChannel.Link, IPAddress.Parse("2001:db8:85a3:8d3:1319:8a2e:370:7348"), Guid.NewGuid(), null, null,
            new GeoInfo("US", "Florida", "Miami", 25.76, -80.19))));
        var scans = await app.ScansEventuallyAsync(2, code.Id);
        Assert.Equal(new[] { "203.0.113.0", "2001:db8:85a3::" }, scans.Select(s => s.AnonymizedIp ?? "").ToArray());
        Assert.Equal("https://instagram.com/", scans[0].Referer);
        Assert.Equal((DeviceType.Bot, true), (scans[1].Device, scans[1].IsBot));
        Assert.Equal("Miami", scans[1].City);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var raw = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"QrScans\" WHERE \"AnonymizedIp\" LIKE '%77%' OR \"AnonymizedIp\" LIKE '%7348%'").SingleAsync();
        Assert.Equal(0, raw);
        // Days are UTC days: the 23:59:59 scan and the 00:00:00 one fall on two days.
        var days = (await app.DailyAsync(code.Id)).Where(d => d.Dimension == QrAggregates.Total).Select(d => (d.Day, d.IsBot)).OrderBy(d => d.Day).ToArray();
        Assert.Equal([(new DateOnly(2026, 11, 26), false), (new DateOnly(2026, 11, 27), true)], days);
    }

    /// <summary>MaxMind's own GeoLite2-City test database (github.com/maxmind/MaxMind-DB, test-data; MIT/Apache-2.0).</summary>
    private static string GeoTestDatabase => Fixtures.PathOf("GeoLite2-City-Test.mmdb");

    [Fact]
    public async Task With_a_MaxMind_database_the_writer_stores_country_region_city_and_coordinates_of_the_address()
    {
        await using var app = QrTestApp.Fast().With("Geo:MaxMindDbPath", GeoTestDatabase)
            .With("Geo:CountryHeader", "CF-IPCountry"); // the database wins over a header a client could send
        Assert.True(app.Services.GetRequiredService<QrGeo>().UsesDatabase);
        var code = await app.CreateCodeAsync();
        var queue = app.Services.GetRequiredService<ScanQueue>();
        var at = new DateTime(2026, 11, 26, 18, 0, 0, DateTimeKind.Utc);
        // In the test database: 216.160.83.56/29 is Milton, Washington, US; 89.160.20.112/28 Linköping, Östergötland, SE; 10.0.0.1 is not in it.
        Assert.True(queue.TryEnqueue(new ScanEvent(code.Id, at, ScanChannel.Printed, IPAddress.Parse("216.160.83.57"), Guid.NewGuid(), QrTestApp.PhoneUa, null, null, true)));
        Assert.True(queue.TryEnqueue(new ScanEvent(code.Id, at.AddSeconds(1), ScanChannel.Printed, IPAddress.Parse("89.160.20.115"), Guid.NewGuid(), QrTestApp.PhoneUa, null, null, true)));
        Assert.True(queue.TryEnqueue(new ScanEvent(code.Id, at.AddSeconds(2), ScanChannel.Printed, IPAddress.Parse("10.0.0.1"), Guid.NewGuid(), QrTestApp.PhoneUa, null, null, true)));
        var scans = await app.ScansEventuallyAsync(3, code.Id);

        Assert.Equal(("US", "Washington", "Milton", "216.160.83.0"), (scans[0].Country, scans[0].Region, scans[0].City, scans[0].AnonymizedIp));
        Assert.Equal(47.2513, scans[0].Latitude!.Value, 3);
        Assert.Equal(-122.3149, scans[0].Longitude!.Value, 3);
        Assert.Equal(("SE", "Linköping"), (scans[1].Country, scans[1].City));
        Assert.Equal((null, null, null), (scans[2].Country, scans[2].City, scans[2].Latitude));
        var cities = (await app.DailyAsync(code.Id)).Where(d => d.Dimension == QrAggregates.City).Select(d => d.Value).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["", "Linköping, Östergötland County, SE", "Milton, Washington, US"], cities);
    }

    [Fact]
    public async Task A_missing_MaxMind_file_is_logged_and_scans_still_redirect_and_are_stored()
    {
        await using var app = QrTestApp.Fast().With("Geo:MaxMindDbPath", Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.mmdb"));
        Assert.False(app.Services.GetRequiredService<QrGeo>().UsesDatabase);
        var code = await app.CreateCodeAsync();
        Assert.Equal(HttpStatusCode.Found, (await app.Browser().GetAsync($"/q/{code.Slug}?qr=1")).StatusCode);
        var scan = Assert.Single(await app.ScansEventuallyAsync(1, code.Id));
        Assert.Null(scan.Country);
    }

    [Fact]
    public async Task On_SQLite_texts_of_every_length_and_script_are_stored_as_given()
    {
        await using var app = QrTestApp.Fast();
        var code = await app.CreateCodeAsync();
        // ASCII, accents and CJK (2-3 bytes each in UTF-8), emoji (surrogate pairs), and texts longer than the writer's
        // 2 KiB UTF-8 buffer (SQLite takes those as UTF-16): each read back exactly.
        string[] texts = ["", "Safari", "Zürich — “quoted”", "東京都渋谷区", "party 🎉🔥 time", new string('é', 1_500), string.Concat(Enumerable.Repeat("🎉", 700))];
        var scans = texts.Select((t, i) => new QrScan
        {
            QrCodeId = code.Id, At = new DateTime(2026, 11, 26, 12, 0, i, DateTimeKind.Utc), VisitorId = Guid.NewGuid(), UserAgent = t, Referer = t, City = t, Os = t, Browser = t,
        }).ToList();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            ScanWriter.InsertSqlite(connection, scans);
        }
        var stored = await app.ScansAsync(code.Id);
        Assert.Equal(texts, stored.Select(s => s.UserAgent));
        Assert.All(stored, s => Assert.Equal((s.UserAgent, s.UserAgent, s.UserAgent, s.UserAgent), (s.Referer, s.City, s.Os, s.Browser)));
    }
}
