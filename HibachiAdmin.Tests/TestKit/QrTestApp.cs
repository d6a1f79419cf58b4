using HibachiAdmin.Features.QrCodes;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>Helpers shared by the QR suites: codes made through the service, a client that does not follow redirects, scans read back.</summary>
internal static class QrTestApp
{
    /// <summary>Where the default code (<see cref="CreateCodeAsync(AppFactory, string)"/>) sends a scan: its URL with the code's UTM parameters.</summary>
    public const string DefaultLocation = "https://hibachi.example/menu?utm_source=flyer&utm_medium=qr&utm_campaign=spring-2027&utm_content=harbor-hall";

    public const string PhoneUa = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    /// <summary>A factory whose scan writer flushes at once (no batching wait).</summary>
    public static AppFactory Fast(AppFactory? factory = null) => (factory ?? new AppFactory()).With("Qr:ScanFlushMilliseconds", "0");

    public static HttpClient Browser(this AppFactory app, bool cookies = false)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = cookies });
        client.DefaultRequestHeaders.UserAgent.ParseAdd(PhoneUa);
        return client;
    }

    public static async Task<QrCode> CreateCodeAsync(this AppFactory app, QrCodeInput input)
    {
        var result = await app.Services.GetRequiredService<QrCodeService>().CreateAsync(input, CancellationToken.None);
        Assert.True(result.Errors is null, string.Join("; ", result.Errors?.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}") ?? []));
        return result.Code!;
    }

    public static Task<QrCode> CreateCodeAsync(this AppFactory app, string url = "https://hibachi.example/menu") =>
        app.CreateCodeAsync(new QrCodeInput { Name = "Spring flyer", Type = QrCodeType.Flyer, DestinationUrl = url, Campaign = "Spring 2027", Venue = "Harbor Hall" });

    public static async Task<List<QrScan>> ScansAsync(this AppFactory app, Guid? codeId = null)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<QrScan>().AsNoTracking().Where(s => codeId == null || s.QrCodeId == codeId).OrderBy(s => s.At).ThenBy(s => s.Id).ToListAsync();
    }

    public static async Task<List<QrScanDaily>> DailyAsync(this AppFactory app, Guid codeId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<QrScanDaily>().AsNoTracking().Where(s => s.QrCodeId == codeId).ToListAsync();
    }

    /// <summary>Waits until the writer has written <paramref name="count"/> scans (of the code, when given).</summary>
    public static Task<List<QrScan>> ScansEventuallyAsync(this AppFactory app, int count, Guid? codeId = null) =>
        Eventually.UntilAsync(() => app.ScansAsync(codeId), s => s.Count >= count, $"{count} scans written", describe: s => $"{s.Count} scans");

    /// <summary>Everything queued so far is written (accepted = written), so "no scan" can be asserted.</summary>
    public static Task DrainedAsync(this AppFactory app)
    {
        var queue = app.Services.GetRequiredService<ScanQueue>();
        var writer = app.Services.GetRequiredService<ScanWriter>();
        return Eventually.UntilAsync(() => Task.FromResult(writer.Written >= queue.Accepted), "the scan queue drained");
    }
}

/// <summary>The app with a scan writer that flushes at once (<see cref="QrTestApp.Fast"/>), as a class fixture.</summary>
public sealed class QrAppFactory : AppFactory
{
    public QrAppFactory() => QrTestApp.Fast(this);
}
