using System.Diagnostics;
using System.Net;
using HibachiAdmin.Features.QrCodes;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Bench;

/// <summary>
/// The QR scan writer alone: 200,000 scans (every one a new visitor, an iPhone, a distinct address) written in the
/// writer's batches into a table that already holds them, rows per second; against a bare baseline in the same run:
/// the same rows through one prepared INSERT into a copy of the table without indexes or the daily aggregate.
/// </summary>
public sealed class QrScanWriterBench : IBench
{
    public string Name => "qr-writer";

    private const string IPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        await using var database = BenchDatabase.Create(Name);
        await using var app = database.NewInstance();
        var services = app.Services;
        var codes = services.GetRequiredService<QrCodeService>();
        var writer = services.GetRequiredService<ScanWriter>();
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var code = (await codes.CreateAsync(new QrCodeInput { Name = "Bench flyer", Type = QrCodeType.Flyer, DestinationUrl = "https://hibachi.example/menu" }, ct)).Code!;
        var start = new DateTime(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);
        const int total = 200_000, batch = ScanWriter.MaxBatch;
        ScanEvent Scan(int i) => new(code.Id, start.AddMilliseconds(i), ScanChannel.Printed, new IPAddress(0x0A000000 + i), Guid.CreateVersion7(), IPhone, null, null, NewCookie: true);

        var lines = new List<string>();
        // Warm-up: one batch (JIT, prepared statements, connection pool).
        await writer.WriteAsync(Enumerable.Range(0, batch).Select(Scan).ToList(), ct);
        var sw = Stopwatch.StartNew();
        for (var done = 0; done < total; done += batch)
        {
            await writer.WriteAsync(Enumerable.Range(batch + done, batch).Select(Scan).ToList(), ct);
        }
        sw.Stop();
        lines.Add($"writer: {total:N0} scans in batches of {batch:N0}: {total / sw.Elapsed.TotalSeconds:N0} scans/s ({database.Describe()})");

        // Bare baseline: the same number of rows, one prepared INSERT per row in one transaction per batch, no indexes.
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE \"BareScans\" AS SELECT * FROM \"QrScans\" WHERE 1 = 0", ct);
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(ct);
            var bare = Stopwatch.StartNew();
            for (var done = 0; done < total; done += batch)
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await using var insert = connection.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = "INSERT INTO \"BareScans\" (\"Id\", \"QrCodeId\", \"At\", \"Channel\", \"AnonymizedIp\", \"VisitorId\", \"IsNewVisitor\", \"UserAgent\", \"Device\", \"IsBot\") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
                var ps = Enumerable.Range(1, 10).Select(n => { var p = insert.CreateParameter(); p.ParameterName = $"${n}"; insert.Parameters.Add(p); return p; }).ToArray();
                if (database.Provider == DbProvider.Sqlite)
                {
                    insert.CommandText = insert.CommandText.Replace('$', '@');
                    for (var n = 0; n < ps.Length; n++) { ps[n].ParameterName = $"@{n + 1}"; }
                }
                for (var i = 0; i < batch; i++)
                {
                    ps[0].Value = Guid.NewGuid().ToString(); ps[1].Value = code.Id.ToString(); ps[2].Value = start.AddMilliseconds(done + i);
                    ps[3].Value = "Printed"; ps[4].Value = "10.0.0.0"; ps[5].Value = Guid.NewGuid().ToString(); ps[6].Value = true;
                    ps[7].Value = IPhone; ps[8].Value = "Phone"; ps[9].Value = false;
                    insert.ExecuteNonQuery();
                }
                await tx.CommitAsync(ct);
            }
            bare.Stop();
            lines.Add($"bare baseline (same rows, prepared INSERT, no indexes, no aggregate): {total / bare.Elapsed.TotalSeconds:N0} rows/s");
        }
        return lines;
    }
}
