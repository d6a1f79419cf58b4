using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>
/// Writes queued scans in batches: after the first scan of a batch arrives it waits
/// <c>Qr:ScanFlushMilliseconds</c> (default 500) for more, then inserts everything waiting (in
/// transactions of up to 2,000) together with the daily aggregate rows. On shutdown the queue is
/// closed and drained, so a graceful stop loses nothing; a kill -9 loses at most the scans of the
/// current flush interval plus the batch being written.
/// </summary>
public sealed class ScanWriter(ScanQueue queue, IDbContextFactory<AppDbContext> dbFactory, QrGeo geo, IConfiguration configuration, ILogger<ScanWriter> logger)
    : BackgroundService
{
    public const int MaxBatch = 2_000;

    private long _written;

    public long Written => Interlocked.Read(ref _written);

    private TimeSpan FlushInterval => TimeSpan.FromMilliseconds(Math.Clamp(configuration.GetValue("Qr:ScanFlushMilliseconds", 500), 0, 60_000));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<ScanEvent>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                if (FlushInterval > TimeSpan.Zero)
                {
                    await Task.Delay(FlushInterval, stoppingToken);
                }
                await DrainAsync(batch, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Shutdown: the server has stopped taking requests; close the queue and write what is left.
        queue.Complete();
        await DrainAsync(batch, CancellationToken.None);
    }

    private async Task DrainAsync(List<ScanEvent> batch, CancellationToken ct)
    {
        while (true)
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var scan))
            {
                batch.Add(scan);
            }
            if (batch.Count == 0)
            {
                return;
            }
            await WriteWithRetryAsync(batch, ct);
        }
    }

    private async Task WriteWithRetryAsync(List<ScanEvent> batch, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteAsync(batch, ct);
                Interlocked.Add(ref _written, batch.Count);
                return;
            }
            catch (Exception ex) when (attempt < 3 && ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Writing {Count} scans failed (attempt {Attempt}); retrying", batch.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                logger.LogError(ex, "Writing {Count} scans failed three times; they are lost", batch.Count);
                return;
            }
        }
    }

    /// <summary>One transaction: the scans (new-visitor flag from earlier scans of the same code) and their aggregate rows.</summary>
    internal async Task WriteAsync(IReadOnlyList<ScanEvent> batch, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visitors = batch.Select(s => s.VisitorId).Distinct().ToList();
        var seen = new HashSet<(Guid, Guid)>();
        foreach (var chunk in visitors.Chunk(500))
        {
            var pairs = await db.Set<QrScan>().AsNoTracking().Where(s => chunk.Contains(s.VisitorId))
                .Select(s => new { s.QrCodeId, s.VisitorId }).Distinct().ToListAsync(ct);
            seen.UnionWith(pairs.Select(p => (p.QrCodeId, p.VisitorId)));
        }
        var scans = new List<QrScan>(batch.Count);
        foreach (var e in batch)
        {
            var ua = UserAgentClassifier.Classify(e.UserAgent);
            var where = e.HeaderGeo ?? geo.Lookup(e.Address);
            scans.Add(new QrScan
            {
                QrCodeId = e.QrCodeId,
                At = e.At,
                Channel = e.Channel,
                AnonymizedIp = IpAnonymizer.Anonymize(e.Address),
                VisitorId = e.VisitorId,
                IsNewVisitor = seen.Add((e.QrCodeId, e.VisitorId)),
                UserAgent = Cut(e.UserAgent, QrScan.MaxUserAgent),
                Device = ua.Device,
                Os = ua.Os,
                Browser = ua.Browser,
                IsBot = ua.IsBot,
                Referer = Cut(e.Referer, QrScan.MaxReferer),
                Country = where.Country,
                Region = Cut(where.Region, 100),
                City = Cut(where.City, 100),
                Latitude = where.Latitude,
                Longitude = where.Longitude,
            });
        }
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.AddRange(scans);
            await db.SaveChangesAsync(ct);
            await QrAggregates.UpsertAsync(db, QrAggregates.Of(scans), ct);
            await tx.CommitAsync(ct);
        });
    }

    private static string? Cut(string? text, int max) => text is { } t && t.Length > max ? t[..max] : text;
}
