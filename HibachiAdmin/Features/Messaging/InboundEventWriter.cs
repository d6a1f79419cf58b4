using System.Data.Common;
using System.Threading.Channels;
using Hangfire;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// Group commit for webhook notifications: requests hand their row to one writer, which inserts
/// everything waiting in one transaction (duplicates by provider id ignored) and only then lets each
/// request answer 200. Durable before acknowledged, but one fsync per batch instead of per request,
/// and a single writer instead of many competing for SQLite's write lock.
/// </summary>
public sealed class InboundEventWriter(IDbContextFactory<AppDbContext> dbFactory, IBackgroundJobClient jobs, WriteTurns turns, TimeProvider time, ILogger<InboundEventWriter> logger)
    : BackgroundService, Contracts.IInboundEventStore
{
    private const int MaxBatch = 500;

    private sealed record Pending(InboundEvent Row, TaskCompletionSource<bool> Done);

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(20_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Rows per <see cref="RateWindow"/> (about 200–400 notifications/s) from which traffic counts as a burst.</summary>
    public const int BurstRowsPerWindow = 80;

    private static readonly TimeSpan RateWindow = TimeSpan.FromMilliseconds(200);
    private readonly Lock _rateLock = new();
    private long _windowStart = System.Diagnostics.Stopwatch.GetTimestamp();
    private int _windowRows;
    private int _previousWindowRows;
    private int _writing;
    private Task _handOff = Task.CompletedTask;

    /// <summary>
    /// True during a burst: notifications are waiting, or being written while the recent rate is high.
    /// Processing yields to the writer then: answering the provider quickly matters more than
    /// processing at once, and SQLite has one writer at a time. Steady traffic below a burst is never
    /// held back, so a text still shows up within a second.
    /// </summary>
    public bool IsBusy => _queue.Reader.Count > 0 || IsBurstRate;

    /// <summary>The recent rate counts as a burst (at least <see cref="BurstRowsPerWindow"/> rows in the last window).</summary>
    public bool IsBurstRate => RecentRows() >= BurstRowsPerWindow;

    private int RecentRows(int added = 0)
    {
        lock (_rateLock)
        {
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(_windowStart, now);
            if (elapsed >= RateWindow)
            {
                _previousWindowRows = elapsed >= RateWindow * 2 ? 0 : _windowRows;
                _windowRows = 0;
                _windowStart = now;
            }
            _windowRows += added;
            // Rows written in the last one to two windows, plus the batch being written now.
            return _windowRows + _previousWindowRows + Volatile.Read(ref _writing);
        }
    }

    /// <summary>Waits until the writer is idle, or at most <paramref name="max"/> (so processing always progresses).</summary>
    public async Task WaitForLullAsync(TimeSpan max, CancellationToken ct)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        while (IsBusy && System.Diagnostics.Stopwatch.GetElapsedTime(start) < max)
        {
            await Task.Delay(5, ct);
        }
    }

    /// <returns>true when the row was new, false for a redelivery; throws when it could not be stored.</returns>
    public async Task<bool> StoreAsync(InboundEvent row, CancellationToken ct)
    {
        var pending = new Pending(row, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, ct);
        return await pending.Done.Task.WaitAsync(ct);
    }

    public Task<bool> StoreAsync(string provider, string externalId, string channel, string payload, CancellationToken ct) => StoreAsync(new InboundEvent
    {
        Id = Guid.CreateVersion7(),
        Provider = provider,
        ExternalId = externalId,
        Channel = channel,
        Payload = payload,
        ReceivedAt = time.GetUtcNow().UtcDateTime,
    }, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }
                await WriteAsync(batch, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Shutdown: nothing accepted is dropped; write what is still queued.
        _queue.Writer.TryComplete();
        batch.Clear();
        while (_queue.Reader.TryRead(out var item))
        {
            batch.Add(item);
        }
        if (batch.Count > 0)
        {
            await WriteAsync(batch, CancellationToken.None);
        }
        await _handOff;
    }

    private async Task WriteAsync(List<Pending> batch, CancellationToken ct)
    {
        Volatile.Write(ref _writing, batch.Count);
        // Bulk writers (a big campaign start) give way between their transactions while this one waits.
        var turn = turns.Urgent();
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // Opened through EF so the connection interceptors (SQLite busy_timeout) apply. SQLite's
            // default synchronous=FULL stays: a notification is on disk before its 200.
            await db.Database.OpenConnectionAsync(ct);
            var connection = db.Database.GetDbConnection();
            var dialect = DatabaseProvider.Of(db.Database);
            await using var tx = await connection.BeginTransactionAsync(DatabaseProvider.InsertBatchIsolation(dialect), ct);
            var inserted = connection.CanCreateBatch
                ? await InsertBatchedAsync(connection, tx, dialect, batch, ct)
                : await InsertOneByOneAsync(connection, tx, dialect, batch, ct);
            await tx.CommitAsync(ct);
            turn.Dispose();
            RecentRows(added: batch.Count);
            // The next batch's commit overlaps this batch's enqueue (a round trip or two to Hangfire's
            // storage on PostgreSQL); at most one hand-off is in flight.
            await _handOff;
            _handOff = HandOffAsync([.. batch], inserted);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not store {Count} inbound events", batch.Count);
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(ex);
            }
        }
        finally
        {
            turn.Dispose();
            Volatile.Write(ref _writing, 0);
        }
    }

    private const string InsertSql = """INSERT INTO "InboundEvents" ("Id", "Provider", "ExternalId", "Channel", "Payload", "ReceivedAt", "Attempts") VALUES (@id, @provider, @external, @channel, @payload, @received, 0) ON CONFLICT ("Provider", "ExternalId") DO NOTHING""";

    /// <summary>
    /// All inserts in one round trip (PostgreSQL: a server a network hop away would otherwise cost a
    /// round trip per notification); each statement still reports whether its row was new.
    /// </summary>
    private static async Task<bool[]> InsertBatchedAsync(DbConnection connection, DbTransaction tx, DbProvider dialect, List<Pending> batch, CancellationToken ct)
    {
        await using var dbBatch = connection.CreateBatch();
        dbBatch.Transaction = tx;
        foreach (var pending in batch)
        {
            var row = pending.Row;
            var command = dbBatch.CreateBatchCommand();
            command.CommandText = InsertSql;
            Parameter(command, "@id", DatabaseProvider.Parameter(dialect, row.Id));
            Parameter(command, "@provider", row.Provider);
            Parameter(command, "@external", row.ExternalId);
            Parameter(command, "@channel", row.Channel);
            Parameter(command, "@payload", row.Payload);
            Parameter(command, "@received", DatabaseProvider.Parameter(dialect, row.ReceivedAt));
            dbBatch.BatchCommands.Add(command);
        }
        await dbBatch.ExecuteNonQueryAsync(ct);
        var inserted = new bool[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            inserted[i] = dbBatch.BatchCommands[i].RecordsAffected == 1;
        }
        return inserted;
    }

    /// <summary>SQLite (no batching API, and in-process: a statement costs no round trip): one prepared insert reused.</summary>
    private static async Task<bool[]> InsertOneByOneAsync(DbConnection connection, DbTransaction tx, DbProvider dialect, List<Pending> batch, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = InsertSql;
        var id = Parameter(command, "@id");
        var provider = Parameter(command, "@provider");
        var external = Parameter(command, "@external");
        var channel = Parameter(command, "@channel");
        var payload = Parameter(command, "@payload");
        var received = Parameter(command, "@received");
        var inserted = new bool[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var row = batch[i].Row;
            id.Value = DatabaseProvider.Parameter(dialect, row.Id);
            provider.Value = row.Provider;
            external.Value = row.ExternalId;
            channel.Value = row.Channel;
            payload.Value = row.Payload;
            received.Value = DatabaseProvider.Parameter(dialect, row.ReceivedAt);
            inserted[i] = await command.ExecuteNonQueryAsync(ct) == 1;
        }
        return inserted;
    }

    private static void Parameter(DbBatchCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    /// <summary>
    /// After the commit: enqueue processing, then answer the requests. One job per committed batch
    /// (ids only): a Hangfire job costs far more than a row, so a job per notification would halve what
    /// the webhook can accept during a burst. The rows are committed whatever happens here: if the
    /// enqueue fails, the sweep finds them, so the requests still succeed.
    /// </summary>
    private async Task HandOffAsync(Pending[] batch, bool[] inserted)
    {
        await Task.Yield(); // off the writer's path
        var fresh = new List<Guid>(batch.Length);
        for (var i = 0; i < batch.Length; i++)
        {
            if (inserted[i])
            {
                fresh.Add(batch[i].Row.Id);
            }
        }
        try
        {
            ProcessInboundEventJob.EnqueueBatches(jobs, fresh);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Stored {Count} inbound events but could not enqueue their processing; the sweep will", fresh.Count);
        }
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i].Done.TrySetResult(inserted[i]);
        }
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        command.Parameters.Add(p);
        return p;
    }
}
