using HibachiAdmin.Common;
using System.Data.Common;
using System.Globalization;
using System.Text;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>
/// Writes queued scans in batches: after the first scan of a batch arrives it waits
/// <c>Qr:ScanFlushMilliseconds</c> (default 500) for more, then inserts everything waiting (in
/// transactions of up to 5,000 rows: one prepared INSERT re-run per row on SQLite, one batched round
/// trip on PostgreSQL) together with the daily aggregate rows. On shutdown, after the web server has
/// stopped taking requests, the queue is closed and drained, so a graceful stop loses nothing; a kill -9
/// loses at most the scans of the current flush interval plus the batch being written.
/// </summary>
public sealed class ScanWriter(ScanQueue queue, IDbContextFactory<AppDbContext> dbFactory, QrGeo geo, IConfiguration configuration, ILogger<ScanWriter> logger)
    : BackgroundService, IHostedLifecycleService
{
    public const int MaxBatch = 5_000;

    private static readonly string[] Columns =
    [
        "Id", "QrCodeId", "At", "Channel", "AnonymizedIp", "VisitorId", "IsNewVisitor", "UserAgent", "Device", "Os", "Browser", "IsBot", "Referer",
        "Country", "Region", "City", "Latitude", "Longitude",
    ];

    private static readonly Type[] ColumnTypes =
    [
        typeof(Guid), typeof(Guid), typeof(DateTime), typeof(string), typeof(string), typeof(Guid), typeof(bool), typeof(string), typeof(string), typeof(string),
        typeof(string), typeof(bool), typeof(string), typeof(string), typeof(string), typeof(string), typeof(double), typeof(double),
    ];

    private readonly Dictionary<string, UserAgentInfo> _userAgents = new(StringComparer.Ordinal);
    // Never disposed: a host can run StoppedAsync after disposing its services (WebApplicationFactory does),
    // and a SemaphoreSlim whose wait handle is never asked for holds nothing to release.
    private readonly SemaphoreSlim _drain = new(1, 1);
    private long _written;

    public long Written => Interlocked.Read(ref _written);

    private TimeSpan FlushInterval => TimeSpan.FromMilliseconds(Math.Clamp(configuration.GetValue("Qr:ScanFlushMilliseconds", 500), 0, 60_000));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                if (FlushInterval > TimeSpan.Zero)
                {
                    await Task.Delay(FlushInterval, stoppingToken);
                }
                await DrainAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the rest is drained in StoppedAsync, once the server has stopped taking requests.
        }
    }

    Task IHostedLifecycleService.StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task IHostedLifecycleService.StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    Task IHostedLifecycleService.StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After every hosted service (the web server included) has stopped: close the queue and write what is left.</summary>
    async Task IHostedLifecycleService.StoppedAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await DrainAsync(CancellationToken.None);
        if (queue.Dropped > 0)
        {
            logger.LogWarning("{Dropped} scans were dropped while the scan queue was full", queue.Dropped);
        }
    }

    /// <summary>Writes everything queued; one drain at a time (the loop and the shutdown drain never overlap).</summary>
    private async Task DrainAsync(CancellationToken ct)
    {
        await _drain.WaitAsync(ct);
        try
        {
            while (true)
            {
                var batch = new List<ScanEvent>(Math.Min(MaxBatch, Math.Max(1, queue.Pending)));
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
        finally
        {
            _drain.Release();
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
            catch (Exception ex) when (attempt < 3 && ex is DbUpdateException or DbException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Writing {Count} scans failed (attempt {Attempt}); retrying", batch.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
            }
            catch (Exception ex) when (ex is DbUpdateException or DbException or InvalidOperationException)
            {
                logger.LogError(ex, "Writing {Count} scans failed three times; they are lost", batch.Count);
                return;
            }
        }
    }

    private UserAgentInfo Classify(string? userAgent)
    {
        if (userAgent is null)
        {
            return UserAgentClassifier.Classify(null);
        }
        if (!_userAgents.TryGetValue(userAgent, out var info))
        {
            if (_userAgents.Count >= 10_000)
            {
                _userAgents.Clear();
            }
            _userAgents[userAgent] = info = UserAgentClassifier.Classify(userAgent);
        }
        return info;
    }

    /// <summary>One transaction: the scans (new-visitor flag from earlier scans of the same code) and their aggregate rows.</summary>
    internal async Task WriteAsync(IReadOnlyList<ScanEvent> batch, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A cookie issued by this very redirect is a new visitor; only returning cookies are looked up.
        var returning = batch.Where(s => !s.NewCookie).Select(s => s.VisitorId).Distinct().ToList();
        var seen = new HashSet<(Guid, Guid)>();
        foreach (var chunk in returning.Chunk(500))
        {
            var pairs = await db.Set<QrScan>().AsNoTracking().Where(s => chunk.Contains(s.VisitorId))
                .Select(s => new { s.QrCodeId, s.VisitorId }).Distinct().ToListAsync(ct);
            seen.UnionWith(pairs.Select(p => (p.QrCodeId, p.VisitorId)));
        }
        var scans = new List<QrScan>(batch.Count);
        foreach (var e in batch)
        {
            var ua = Classify(e.UserAgent);
            var where = e.HeaderGeo ?? geo.Lookup(e.Address);
            scans.Add(new QrScan
            {
                Id = TimeOrderedIds.Next(new DateTimeOffset(e.At, TimeSpan.Zero)),
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
            await InsertAsync(db, tx.GetDbTransaction(), scans, ct);
            await QrAggregates.UpsertAsync(db, QrAggregates.Of(scans), ct);
            await tx.CommitAsync(ct);
        });
    }

    private static object?[] Values(QrScan s) =>
    [
        s.Id, s.QrCodeId, s.At, s.Channel.ToString(), s.AnonymizedIp, s.VisitorId, s.IsNewVisitor, s.UserAgent, s.Device.ToString(), s.Os, s.Browser, s.IsBot, s.Referer,
        s.Country, s.Region, s.City, s.Latitude, s.Longitude,
    ];

    /// <summary>
    /// Inserts without change tracking: at thousands of scans a second EF's per-entity work was the writer's cost.
    /// SQLite: one statement prepared per batch and stepped per row through SQLitePCLRaw (the library under
    /// Microsoft.Data.Sqlite), binding by position with UTF-8 text from one stack buffer, in the formats
    /// Microsoft.Data.Sqlite writes for EF (GUIDs upper-case "D", times "yyyy-MM-dd HH:mm:ss.FFFFFFF", booleans 0/1):
    /// the ADO.NET layer looked each parameter up by name, built a reader and converted every string per row.
    /// PostgreSQL: one batched round trip per 1,000 rows with EF's own type mappings.
    /// </summary>
    internal static async Task InsertAsync(AppDbContext db, DbTransaction transaction, List<QrScan> scans, CancellationToken ct)
    {
        if (scans.Count == 0)
        {
            return;
        }
        var connection = db.Database.GetDbConnection();
        if (connection is SqliteConnection sqlite)
        {
            InsertSqlite(sqlite, scans);
            return;
        }
        var mappings = db.GetService<IRelationalTypeMappingSource>();
        var typeMappings = ColumnTypes.Select(t => mappings.FindMapping(t)!).ToArray();
        object Provider(int column, object? value) =>
            value is null ? DBNull.Value : typeMappings[column].Converter?.ConvertToProvider(value) ?? value;

        foreach (var chunk in scans.Chunk(1_000))
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var scan in chunk)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = PositionalSql;
                var values = Values(scan);
                for (var i = 0; i < values.Length; i++)
                {
                    var parameter = command.CreateParameter();
                    parameter.Value = Provider(i, values[i]);
                    command.Parameters.Add(parameter);
                }
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The rows through one prepared statement on the open connection (inside the caller's transaction).</summary>
    internal static void InsertSqlite(SqliteConnection connection, IReadOnlyList<QrScan> scans)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(handle, SqliteInsertSql, out var statement), handle);
        using (statement)
        {
            // SQLite copies each bound value, so one UTF-8 buffer serves every column (texts are cut to 512 characters).
            Span<byte> utf8 = stackalloc byte[2048];
            foreach (var s in scans)
            {
                BindGuid(statement, 1, s.Id, utf8);
                BindGuid(statement, 2, s.QrCodeId, utf8);
                BindTime(statement, 3, s.At, utf8);
                BindText(statement, 4, s.Channel.ToString(), utf8);
                BindText(statement, 5, s.AnonymizedIp, utf8);
                BindGuid(statement, 6, s.VisitorId, utf8);
                raw.sqlite3_bind_int64(statement, 7, s.IsNewVisitor ? 1 : 0);
                BindText(statement, 8, s.UserAgent, utf8);
                BindText(statement, 9, s.Device.ToString(), utf8);
                BindText(statement, 10, s.Os, utf8);
                BindText(statement, 11, s.Browser, utf8);
                raw.sqlite3_bind_int64(statement, 12, s.IsBot ? 1 : 0);
                BindText(statement, 13, s.Referer, utf8);
                BindText(statement, 14, s.Country, utf8);
                BindText(statement, 15, s.Region, utf8);
                BindText(statement, 16, s.City, utf8);
                BindDouble(statement, 17, s.Latitude);
                BindDouble(statement, 18, s.Longitude);
                var rc = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (rc != raw.SQLITE_DONE)
                {
                    SqliteException.ThrowExceptionForRC(rc, handle);
                }
            }
        }
    }

    private static void BindGuid(sqlite3_stmt statement, int index, Guid value, Span<byte> utf8)
    {
        value.TryFormat(utf8, out var written, "D");
        Ascii.ToUpperInPlace(utf8[..written], out _);
        raw.sqlite3_bind_text(statement, index, utf8[..written]);
    }

    private static void BindTime(sqlite3_stmt statement, int index, DateTime value, Span<byte> utf8)
    {
        value.TryFormat(utf8, out var written, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture);
        raw.sqlite3_bind_text(statement, index, utf8[..written]);
    }

    private static void BindText(sqlite3_stmt statement, int index, string? value, Span<byte> utf8)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(statement, index);
        }
        else if (Encoding.UTF8.TryGetBytes(value, utf8, out var written))
        {
            raw.sqlite3_bind_text(statement, index, utf8[..written]);
        }
        else
        {
            raw.sqlite3_bind_text16(statement, index, value.AsSpan()); // longer than the buffer: SQLite converts it
        }
    }

    private static void BindDouble(sqlite3_stmt statement, int index, double? value)
    {
        if (value is { } v)
        {
            raw.sqlite3_bind_double(statement, index, v);
        }
        else
        {
            raw.sqlite3_bind_null(statement, index);
        }
    }

    private static readonly string SqliteInsertSql =
        $"INSERT INTO \"QrScans\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"?{i + 1}"))})";

    /// <summary>The batched form (PostgreSQL): positional parameters $1…$n.</summary>
    private static readonly string PositionalSql =
        $"INSERT INTO \"QrScans\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"${i + 1}"))})";

    private static string? Cut(string? text, int max) => text is { } t && t.Length > max ? t[..max] : text;
}
