using System.Collections.Concurrent;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Tests.Features.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Infrastructure.Events;

/// <summary>Counts effects per event; can be told to fail an event type a number of times.</summary>
public sealed class CountingHandler : IEventHandler
{
    public ConcurrentDictionary<Guid, int> Effects { get; } = new();
    public int FailuresLeft;

    public string Name => "test.counting";

    public bool Handles(string eventType) => eventType.StartsWith("test.", StringComparison.Ordinal);

    public Task HandleAsync(OutboxEntry entry, AppDbContext db, CancellationToken ct)
    {
        if (Interlocked.Decrement(ref FailuresLeft) >= 0)
        {
            throw new InvalidOperationException("simulated handler failure");
        }
        Effects.AddOrUpdate(entry.EventId, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}

/// <summary>Runs on both providers: <see cref="OutboxTestsOnSqlite"/> and <see cref="OutboxTestsOnPostgres"/>.</summary>
public abstract class OutboxTests<TApp>
    where TApp : AppFactory, new()
{
    private sealed record Happened(string What);

    private static AppFactory Host(TestDatabase database, bool delete, CountingHandler handler)
    {
        var app = AppFactory.OverDatabase(database, delete);
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

    [Fact]
    public async Task Failures_are_retried_with_back_off_and_dead_lettered_after_the_limit()
    {
        var handler = new CountingHandler { FailuresLeft = 1000 };
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new TApp
        {
            Time = time,
            ConfigureTestServices = s =>
            {
                s.AddSingleton<Hangfire.IBackgroundJobClient>(new RecordingJobClient());
                s.AddSingleton<IEventHandler>(handler);
            },
        };
        await AppendAsync(app, Guid.NewGuid(), 0, 1);
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        var first = await dispatcher.DispatchBatchAsync(10, default);
        Assert.Equal(1, first.Failed);
        Assert.Equal(0, (await dispatcher.DispatchBatchAsync(10, default)).Claimed); // backing off
        for (var i = 1; i < OutboxDispatcher.MaxAttempts; i++)
        {
            time.Advance(TimeSpan.FromMinutes(11));
            await dispatcher.DispatchBatchAsync(10, default);
        }
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var row = await db.Set<OutboxEntry>().SingleAsync();
        Assert.True(row.DeadLettered);
        Assert.Contains("simulated handler failure", row.LastError);

        handler.FailuresLeft = 0;
        Assert.Equal(1, await dispatcher.RequeueAsync(row.Id, default));
        Assert.Equal(1, (await dispatcher.DispatchBatchAsync(10, default)).Dispatched);
        Assert.Single(handler.Effects);
    }
}

public sealed class OutboxTestsOnSqlite : OutboxTests<AppFactory>;

[RequiresPostgres]
public sealed class OutboxTestsOnPostgres : OutboxTests<PostgresAppFactory>;
