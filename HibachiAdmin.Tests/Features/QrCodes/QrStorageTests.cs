using System.Net;
using HibachiAdmin.Features.QrCodes;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.QrCodes;

/// <summary>
/// The writer's aggregate upsert (raw SQL, ON CONFLICT) and the analytics and attribution queries on both providers:
/// <see cref="QrStorageTestsOnSqlite"/> and <see cref="QrStorageTestsOnPostgres"/>.
/// </summary>
public abstract class QrStorageTests<TApp>
    where TApp : AppFactory, new()
{
    [Fact]
    public async Task Batches_add_to_the_same_daily_rows_and_analytics_read_them()
    {
        await using var app = QrTestApp.Fast(new TApp());
        var code = await app.CreateCodeAsync();
        var client = app.Browser(cookies: true);
        for (var batch = 1; batch <= 3; batch++)
        {
            Assert.Equal(HttpStatusCode.Found, (await client.GetAsync($"/q/{code.Slug}?qr=1")).StatusCode);
            Assert.Equal(HttpStatusCode.Found, (await client.GetAsync($"/q/{code.Slug}")).StatusCode);
            await app.ScansEventuallyAsync(batch * 2);
        }
        var daily = await app.DailyAsync(code.Id);
        Assert.Equal((6L, 1L), daily.Where(d => d.Dimension == QrAggregates.Total).Select(d => (d.Scans, d.NewVisitors)).Single());
        Assert.Equal([("Link", 3L), ("Printed", 3L)], daily.Where(d => d.Dimension == QrAggregates.Channel).Select(d => (d.Value, d.Scans)).OrderBy(d => d.Value).ToArray());
        Assert.Equal(("iOS", 6L), daily.Where(d => d.Dimension == QrAggregates.Os).Select(d => (d.Value, d.Scans)).Single());

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var analytics = await app.Services.GetRequiredService<QrAnalyticsService>().GetAsync(today.AddDays(-6), today, null, false, CancellationToken.None);
        Assert.Equal((6L, 1L, 7), (analytics.Scans, analytics.UniqueVisitors, analytics.ByDay.Count));
        Assert.Equal(6L, analytics.ByDay[^1].Scans);
        Assert.Equal(("Safari", 6L), (analytics.Browsers[0].Name, analytics.Browsers[0].Scans));
        Assert.Equal(("Unknown", 6L), (analytics.Countries[0].Name, analytics.Countries[0].Scans));

        var page = await app.Services.GetRequiredService<QrAnalyticsService>().ScansAsync(code.Id, false, 1, 4, CancellationToken.None);
        Assert.Equal((6, 4), (page.Total, page.Items.Count));
        var csv = new List<string>();
        await foreach (var line in app.Services.GetRequiredService<QrAnalyticsService>().ExportCsvAsync(code.Id, false, CancellationToken.None))
        {
            csv.Add(line);
        }
        Assert.Equal(7, csv.Count);
    }

    [Fact]
    public async Task An_inquiry_links_the_lead_to_the_form_code_and_the_code_the_visitor_scanned_before()
    {
        await using var app = QrTestApp.Fast(new TApp());
        var flyer = await app.CreateCodeAsync();
        var table = await app.CreateCodeAsync(new QrCodeInput { Name = "Table 2", Type = QrCodeType.Table, UsesInquiryForm = true, Venue = "Pier 9", TableNumber = 2 });
        await app.Browser(cookies: true).GetAsync($"/q/{flyer.Slug}?qr=1");
        var visitor = (await app.ScansEventuallyAsync(1)).Single().VisitorId;
        var result = await app.Services.GetRequiredService<QrInquiryService>().SubmitAsync(table.Slug,
            new InquiryForm { Name = "Ana Ruiz", Phone = "(786) 555-0110", Guests = 12 }, visitor, null, CancellationToken.None);
        Assert.Equal(InquiryOutcome.Accepted, result.Outcome);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var rows = (await app.Services.GetRequiredService<QrAnalyticsService>().GetAsync(today, today, null, false, CancellationToken.None)).Placements.ToDictionary(p => p.QrCodeId);
        Assert.Equal((1, 1L), (rows[flyer.Id].Leads, rows[flyer.Id].Scans));
        Assert.Equal((1, 0L), (rows[table.Id].Leads, rows[table.Id].Scans));
    }

    [Theory]
    [InlineData(0)] // a whole second: the time is written without a fraction
    [InlineData(4_458_871)] // every tick of the fraction (PostgreSQL keeps microseconds)
    [InlineData(1_200_000)] // trailing zeros of the fraction are dropped
    public async Task The_writer_stores_a_scan_exactly_as_EF_stores_the_same_values(int ticksIntoTheSecond)
    {
        await using var app = QrTestApp.Fast(new TApp());
        var code = await app.CreateCodeAsync();
        var at = new DateTime(2026, 11, 26, 16, 24, 11, DateTimeKind.Utc).AddTicks(ticksIntoTheSecond);
        QrScan Scan(Guid visitor, bool full) => new()
        {
            QrCodeId = code.Id, At = at, Channel = ScanChannel.Printed, AnonymizedIp = full ? "203.0.113.0" : null, VisitorId = visitor, IsNewVisitor = full,
            UserAgent = full ? "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) ‘quoted’ — Ünïcode" : null, Device = full ? DeviceType.Mobile : DeviceType.Bot,
            Os = full ? "iOS" : "", Browser = full ? "Safari" : "", IsBot = !full, Referer = full ? "https://instagram.com/?q=a'b" : null,
            Country = full ? "US" : null, Region = full ? "Florida" : null, City = full ? "Miami" : null, Latitude = full ? 25.7617 : null, Longitude = full ? -80.1918 : null,
        };
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        foreach (var full in new[] { true, false })
        {
            var visitor = Guid.NewGuid();
            await using (var db = await factory.CreateDbContextAsync())
            {
                db.Add(Scan(visitor, full));
                await db.SaveChangesAsync();
            }
            await using (var db = await factory.CreateDbContextAsync())
            {
                var connection = db.Database.GetDbConnection();
                await connection.OpenAsync();
                await using var tx = await connection.BeginTransactionAsync();
                if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
                {
                    ScanWriter.InsertSqlite(sqlite, [Scan(visitor, full)]);
                }
                else
                {
                    await ScanWriter.InsertAsync(db, tx, [Scan(visitor, full)], CancellationToken.None);
                }
                await tx.CommitAsync();
            }
            // Two rows (EF's and the writer's) whose stored values are the same in every column but the id.
            await using (var db = await factory.CreateDbContextAsync())
            {
                var distinct = await db.Database.SqlQueryRaw<int>(
                    "SELECT COUNT(*) AS \"Value\" FROM (SELECT DISTINCT \"QrCodeId\", \"At\", \"Channel\", \"AnonymizedIp\", \"VisitorId\", \"IsNewVisitor\", \"UserAgent\", \"Device\", \"Os\", " +
                    "\"Browser\", \"IsBot\", \"Referer\", \"Country\", \"Region\", \"City\", \"Latitude\", \"Longitude\" FROM \"QrScans\" WHERE \"VisitorId\" = {0}) AS d", visitor).SingleAsync();
                var rows = await db.Set<QrScan>().AsNoTracking().Where(s => s.VisitorId == visitor).ToListAsync();
                Assert.Equal((2, 1), (rows.Count, distinct));
                var stored = db.Database.IsNpgsql() ? at.AddTicks(-(at.Ticks % 10)) : at;
                Assert.All(rows, r => Assert.Equal(stored, r.At));
                // A range filter in SQL (analytics, export) finds both rows at the edge of the second.
                Assert.Equal(2, await db.Set<QrScan>().CountAsync(s => s.VisitorId == visitor && s.At >= stored && s.At <= stored));
            }
        }
    }
}

public sealed class QrStorageTestsOnSqlite : QrStorageTests<AppFactory>;

[RequiresPostgres]
public sealed class QrStorageTestsOnPostgres : QrStorageTests<PostgresAppFactory>;
