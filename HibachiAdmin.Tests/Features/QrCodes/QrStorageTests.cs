using System.Net;
using HibachiAdmin.Features.QrCodes;
using HibachiAdmin.Tests.Infrastructure;
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
}

public sealed class QrStorageTestsOnSqlite : QrStorageTests<AppFactory>;

[RequiresPostgres]
public sealed class QrStorageTestsOnPostgres : QrStorageTests<PostgresAppFactory>;
