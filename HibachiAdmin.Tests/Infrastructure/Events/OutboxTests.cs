using System.Collections.Concurrent;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Tests.Features.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Infrastructure.Events;

/// <summary>Runs on both providers: <see cref="OutboxTestsOnSqlite"/> and <see cref="OutboxTestsOnPostgres"/>.</summary>
public abstract class OutboxTests<TApp>
    where TApp : AppFactory, new()
{
    private sealed record Happened(string What);

    private static AppFactory Host(TestDatabase database, bool delete, CountingHandler handler)
    {
        var app = AppFactory.OverDatabase(database, delete).With("Hangfire:ProcessJobs", "false");
        // Jobs are recorded, not run: the test decides when dispatch happens (or that it never did).
        app.ConfigureTestServices = s =>
        {
            s.AddSingleton<Hangfire.IBackgroundJobClient>(new RecordingJobClient());
            s.AddSingleton<IEventHandler>(handler);
        };
        return app;
    }

    private static async Task AppendAsync(AppFactory app, Guid stream, int expected, int count)
    {
        var store = app.Services.GetRequiredService<EventStore>();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        store.Append(db, stream, "test", expected, Enumerable.Range(0, count).Select(i => ("test.happened.v1", (object)new Happened($"#{i}"))), new EventMetadata("tester", Guid.NewGuid()));
        await EventStore.SaveAsync(db, stream, expected, default);
    }

    [Fact]
    public async Task Events_committed_before_a_crash_are_dispatched_by_the_next_host_once_each()
    {
        var database = AppFactory.NewDatabase<TApp>();
        var handler = new CountingHandler();
        await using (var first = Host(database, delete: false, handler))
        {
            await AppendAsync(first, Guid.NewGuid(), 0, 25);
            // The host dies here: committed, never dispatched.
        }
        await using var second = Host(database, delete: true, handler);
        var dispatcher = second.Services.GetRequiredService<OutboxDispatcher>();
        while ((await dispatcher.DispatchBatchAsync(10, default)).Claimed > 0)
        {
        }
        Assert.Equal(25, handler.Effects.Count);
        Assert.All(handler.Effects.Values, n => Assert.Equal(1, n));
        await using var db = await second.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Set<OutboxEntry>().CountAsync(o => o.DispatchedAt == null));
    }

    [Fact]
    public async Task Dispatching_the_same_row_twice_has_one_effect()
    {
        var handler = new CountingHandler();
        await using var app = Host(AppFactory.NewDatabase<TApp>(), delete: true, handler);
        await AppendAsync(app, Guid.NewGuid(), 0, 3);
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.DispatchBatchAsync(10, default);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            // As if a dispatcher crashed after the handlers ran but before marking the rows.
            await db.Set<OutboxEntry>().ExecuteUpdateAsync(s => s.SetProperty(o => o.DispatchedAt, (DateTime?)null));
        }
        await dispatcher.DispatchBatchAsync(10, default);
        Assert.All(handler.Effects.Values, n => Assert.Equal(1, n));
        Assert.Equal(3, handler.Effects.Count);
    }

    [Fact]
    public async Task Concurrent_dispatchers_never_hand_the_same_event_to_a_handler_twice()
    {
        var handler = new CountingHandler();
        await using var app = Host(AppFactory.NewDatabase<TApp>(), delete: true, handler);
        for (var s = 0; s < 10; s++)
        {
            await AppendAsync(app, Guid.NewGuid(), 0, 20);
        }
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while ((await dispatcher.DispatchBatchAsync(15, default)).Claimed > 0)
            {
            }
        })));
        Assert.Equal(200, handler.Effects.Count);
        Assert.All(handler.Effects.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict_and_writes_nothing()
    {
        var handler = new CountingHandler();
        await using var app = Host(AppFactory.NewDatabase<TApp>(), delete: true, handler);
        var stream = Guid.NewGuid();
        await AppendAsync(app, stream, 0, 1);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AppendAsync(app, stream, 0, 2));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Single(await EventStore.ReadStreamAsync(db, stream, default));
        Assert.Equal(1, await db.Set<OutboxEntry>().CountAsync(o => o.StreamId == stream));
    }

    /// <summary>No background dispatcher (Hangfire:ProcessJobs=false, signals recorded): the test alone decides when dispatch happens.</summary>
    private static AppFactory TimedHost(FakeTimeProvider time, CountingHandler handler) => new TApp
    {
        Time = time,
        ConfigureTestServices = s =>
        {
            s.AddSingleton<Hangfire.IBackgroundJobClient>(new RecordingJobClient());
            s.AddSingleton<IEventHandler>(handler);
        },
    }.With("Hangfire:ProcessJobs", "false");

    private static async Task<List<OutboxEntry>> RowsAsync(AppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<OutboxEntry>().AsNoTracking().OrderBy(o => o.Id).ToListAsync();
    }

    [Fact]
    public async Task A_failing_event_backs_off_2_4_8_16_32_64_128_seconds_and_is_dead_lettered_after_exactly_8_attempts()
    {
        var handler = new CountingHandler { FailuresLeft = 1000, FailureMessage = new string('e', 2500) };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        await using var app = TimedHost(time, handler);
        await AppendAsync(app, Guid.NewGuid(), 0, 1);
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();

        Assert.Equal(8, OutboxDispatcher.MaxAttempts);
        for (var attempt = 1; attempt < 8; attempt++)
        {
            var failedAt = time.GetUtcNow().UtcDateTime;
            Assert.Equal(new DispatchResult(1, 0, 1, 0), await dispatcher.DispatchBatchAsync(10, default));
            var row = Assert.Single(await RowsAsync(app));
            var backOff = TimeSpan.FromSeconds(Math.Pow(2, attempt));
            Assert.Equal(attempt, row.Attempts);
            Assert.False(row.DeadLettered, $"dead-lettered after {attempt} attempts");
            Assert.True(failedAt + backOff == row.NextAttemptAt, $"attempt {attempt}: next at {row.NextAttemptAt:O}, expected {failedAt + backOff:O}");
            Assert.Null(row.LockedBy);
            Assert.Null(row.LockedUntil);
            Assert.Null(row.DispatchedAt);
            Assert.Equal(2000, row.LastError!.Length); // stored, cut to the column size

            // Not a tick before the back-off ends; exactly at its end it is claimed again.
            time.Advance(backOff - TimeSpan.FromTicks(1));
            Assert.Equal(new DispatchResult(0, 0, 0, 0), await dispatcher.DispatchBatchAsync(10, default));
            time.Advance(TimeSpan.FromTicks(1));
        }

        Assert.Equal(new DispatchResult(1, 0, 0, 1), await dispatcher.DispatchBatchAsync(10, default));
        var dead = Assert.Single(await RowsAsync(app));
        Assert.True(dead.DeadLettered);
        Assert.Equal(8, dead.Attempts);
        Assert.Null(dead.DispatchedAt);
        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await dispatcher.DispatchBatchAsync(10, default)).Claimed); // dead letters stay put
        Assert.Empty(handler.Effects);

        // Admin > Events shows it first and can put it back.
        var listed = Assert.Single(await dispatcher.UndispatchedAsync(10, default));
        Assert.True(listed.DeadLettered);
        Assert.Equal(8, listed.Attempts);
        handler.FailuresLeft = 0;
        Assert.Equal(1, await dispatcher.RequeueAsync(dead.Id, default));
        var requeued = Assert.Single(await RowsAsync(app));
        Assert.False(requeued.DeadLettered);
        Assert.Equal(0, requeued.Attempts);
        Assert.Null(requeued.NextAttemptAt);
        Assert.Equal(new DispatchResult(1, 1, 0, 0), await dispatcher.DispatchBatchAsync(10, default));
        var done = Assert.Single(await RowsAsync(app));
        Assert.Equal(time.GetUtcNow().UtcDateTime, done.DispatchedAt);
        Assert.Null(done.LastError);
        Assert.Single(handler.Effects);
        Assert.Empty(await dispatcher.UndispatchedAsync(10, default));
        Assert.Equal(0, await dispatcher.RequeueAsync(null, default)); // a delivered row is never requeued
    }

    [Fact]
    public async Task One_poison_event_in_a_batch_does_not_hold_back_the_others()
    {
        var handler = new CountingHandler();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        await using var app = TimedHost(time, handler);
        await AppendAsync(app, Guid.NewGuid(), 0, 5);
        var rows = await RowsAsync(app);
        handler.Poison[rows[2].EventId] = true;
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();

        Assert.Equal(new DispatchResult(5, 4, 1, 0), await dispatcher.DispatchBatchAsync(10, default));
        // (The failed batch ran the first two in memory before it rolled back: effects outside the database must be idempotent.)
        Assert.Equal(4, handler.Effects.Count);
        Assert.DoesNotContain(rows[2].EventId, handler.Effects.Keys);
        var after = await RowsAsync(app);
        Assert.All(after.Where(r => r.Id != rows[2].Id), r => Assert.Equal(time.GetUtcNow().UtcDateTime, r.DispatchedAt));
        var poison = after.Single(r => r.Id == rows[2].Id);
        Assert.Equal(1, poison.Attempts);
        Assert.Equal("test.counting: simulated handler failure", poison.LastError);

        // The batch size is honoured and rows go oldest first.
        await AppendAsync(app, Guid.NewGuid(), 0, 3);
        var batch = await dispatcher.DispatchBatchAsync(2, default);
        Assert.Equal(new DispatchResult(2, 2, 0, 0), batch);
        var newest = (await RowsAsync(app)).Last();
        Assert.Null(newest.DispatchedAt);
    }

    [Fact]
    public async Task A_row_leased_by_another_dispatcher_is_left_alone_until_the_lease_expires()
    {
        var handler = new CountingHandler();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        await using var app = TimedHost(time, handler);
        await AppendAsync(app, Guid.NewGuid(), 0, 1);
        var leaseEnd = time.GetUtcNow().UtcDateTime.AddMinutes(2);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Set<OutboxEntry>().ExecuteUpdateAsync(s => s.SetProperty(o => o.LockedBy, "other-host").SetProperty(o => o.LockedUntil, leaseEnd));
        }
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        Assert.Equal(0, (await dispatcher.DispatchBatchAsync(10, default)).Claimed);
        time.SetUtcNow(new DateTimeOffset(leaseEnd, TimeSpan.Zero));
        Assert.Equal(0, (await dispatcher.DispatchBatchAsync(10, default)).Claimed); // still held at the lease's last instant
        time.Advance(TimeSpan.FromMicroseconds(1)); // the smallest step both databases store (PostgreSQL keeps microseconds)
        Assert.Equal(new DispatchResult(1, 1, 0, 0), await dispatcher.DispatchBatchAsync(10, default));
        Assert.Single(handler.Effects);
    }

    [Fact]
    public async Task Requeue_without_an_id_puts_back_every_failed_row_and_only_those()
    {
        var handler = new CountingHandler();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        await using var app = TimedHost(time, handler);
        await AppendAsync(app, Guid.NewGuid(), 0, 1);
        await AppendAsync(app, Guid.NewGuid(), 0, 1);
        await AppendAsync(app, Guid.NewGuid(), 0, 1);
        var rows = await RowsAsync(app);
        handler.Poison[rows[0].EventId] = true;
        handler.Poison[rows[1].EventId] = true;
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        Assert.Equal(new DispatchResult(3, 1, 2, 0), await dispatcher.DispatchBatchAsync(10, default));
        time.Advance(TimeSpan.FromSeconds(2));
        handler.Poison.TryRemove(rows[1].EventId, out _);
        handler.FailuresLeft = 1000;
        await dispatcher.DispatchBatchAsync(10, default);
        Assert.Equal(new[] { 2, 2 }, (await dispatcher.UndispatchedAsync(10, default)).Select(r => r.Attempts));

        Assert.Equal(2, await dispatcher.RequeueAsync(null, default));
        Assert.All(await dispatcher.UndispatchedAsync(10, default), r => Assert.Equal(0, r.Attempts));
        handler.Poison.Clear();
        handler.FailuresLeft = 0;
        Assert.Equal(new DispatchResult(2, 2, 0, 0), await dispatcher.DispatchBatchAsync(10, default)); // due at once, no back-off left
        Assert.Equal(3, handler.Effects.Count);
    }

    [Fact]
    public async Task Every_failing_handler_is_named_in_the_error_and_a_handler_beaten_by_another_dispatcher_counts_as_done()
    {
        var first = new CountingHandler { Name = "test.first", FailuresLeft = 1000, FailureMessage = "smtp down" };
        var second = new CountingHandler { Name = "test.second", FailuresLeft = 1000, FailureMessage = "quota" };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        await using var app = new TApp
        {
            Time = time,
            ConfigureTestServices = s =>
            {
                s.AddSingleton<Hangfire.IBackgroundJobClient>(new RecordingJobClient());
                s.AddSingleton<IEventHandler>(first);
                s.AddSingleton<IEventHandler>(second);
            },
        }.With("Hangfire:ProcessJobs", "false");
        await AppendAsync(app, Guid.NewGuid(), 0, 1);
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        Assert.Equal(new DispatchResult(1, 0, 1, 0), await dispatcher.DispatchBatchAsync(10, default));
        Assert.Equal("test.first: smtp down; test.second: quota", Assert.Single(await RowsAsync(app)).LastError);

        // Next attempt: "first" succeeds; "second" fails its batch, then on the retry alone another
        // dispatcher records it as processed just before it commits: its effect stands, the row is done.
        first.FailuresLeft = 0;
        second.FailuresLeft = 1;
        second.OnHandle = async entry =>
        {
            await using var other = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            other.Add(new ProcessedMessage { Handler = "test.second", EventId = entry.EventId, At = time.GetUtcNow().UtcDateTime });
            await other.SaveChangesAsync();
        };
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(new DispatchResult(1, 1, 0, 0), await dispatcher.DispatchBatchAsync(10, default));
        var row = Assert.Single(await RowsAsync(app));
        Assert.NotNull(row.DispatchedAt);
        Assert.Null(row.LastError);
        Assert.Single(first.Effects);
    }
}

public sealed class OutboxTestsOnSqlite : OutboxTests<AppFactory>;

[RequiresPostgres]
public sealed class OutboxTestsOnPostgres : OutboxTests<PostgresAppFactory>;
