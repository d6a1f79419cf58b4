using System.Collections.Concurrent;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Tests.Features.Calls;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Infrastructure.Events;

/// <summary>
/// Admin > Events: which undispatched rows are listed and in which order, and which rows a requeue
/// puts back (only failed or dead-lettered ones; one by id touches only that row).
/// </summary>
public abstract class OutboxTestsOfAdminQueue<TApp>
    where TApp : AppFactory, new()
{
    /// <summary>
    /// Seven rows: fresh, 3 attempts, dead after 8, delivered after 2 failed attempts, 3 attempts (newer),
    /// dead after 2 (requeued once and failed again), 1 attempt.
    /// </summary>
    private static async Task<(AppFactory App, List<OutboxEntry> Rows)> SeedAsync(FakeTimeProvider time)
    {
        var app = OutboxTestKit.Host<TApp>(time, new CountingHandler());
        var rows = await OutboxTestKit.AppendAsync(app, 7);
        var now = time.GetUtcNow().UtcDateTime;
        await OutboxTestKit.SetAsync(app, rows[1].Id, 3, nextAttemptAt: now.AddSeconds(8), error: "r1");
        await OutboxTestKit.SetAsync(app, rows[2].Id, 8, dead: true, error: "r2");
        await OutboxTestKit.SetAsync(app, rows[3].Id, 2, dispatchedAt: now);
        await OutboxTestKit.SetAsync(app, rows[4].Id, 3, nextAttemptAt: now.AddSeconds(8), error: "r4");
        await OutboxTestKit.SetAsync(app, rows[5].Id, 2, dead: true, error: "r5");
        await OutboxTestKit.SetAsync(app, rows[6].Id, 1, nextAttemptAt: now.AddSeconds(2), error: "r6");
        return (app, rows);
    }

    [Fact]
    public async Task Undispatched_rows_are_listed_dead_letters_first_then_most_attempts_then_oldest_and_take_is_honoured()
    {
        var time = new FakeTimeProvider(OutboxTestKit.Start);
        var (app, rows) = await SeedAsync(time);
        await using var _ = app;
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();

        var all = await dispatcher.UndispatchedAsync(10, default);
        long[] expected = [rows[2].Id, rows[5].Id, rows[1].Id, rows[4].Id, rows[6].Id, rows[0].Id];
        Assert.Equal(expected, all.Select(r => r.Id));
        Assert.DoesNotContain(all, r => r.Id == rows[3].Id); // delivered rows are not listed
        var first = all[0];
        Assert.True(first.DeadLettered);
        Assert.Equal(8, first.Attempts);
        Assert.Equal("r2", first.LastError);
        Assert.Equal("test.happened.v1", first.EventType);
        Assert.Equal(rows[2].StreamId, first.StreamId);
        Assert.Equal(time.GetUtcNow().UtcDateTime.AddSeconds(2), all.Single(r => r.Id == rows[6].Id).NextAttemptAt);

        Assert.Equal(expected[..3], (await dispatcher.UndispatchedAsync(3, default)).Select(r => r.Id));
        Assert.Equal(expected[..1], (await dispatcher.UndispatchedAsync(1, default)).Select(r => r.Id));
    }

    [Fact]
    public async Task A_rows_stream_opens_with_its_own_events_in_version_order()
    {
        var time = new FakeTimeProvider(OutboxTestKit.Start);
        var (app, rows) = await SeedAsync(time);
        await using var _ = app;
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();

        var stream = await dispatcher.StreamAsync(rows[2].StreamId, default);
        var only = Assert.Single(stream);
        Assert.Equal((rows[2].EventId, rows[2].StreamId, 1, "test.happened.v1"), (only.EventId, only.StreamId, only.Version, only.EventType));
        Assert.Contains("#2", only.Data, StringComparison.Ordinal);
        Assert.Empty(await dispatcher.StreamAsync(Guid.NewGuid(), default));
    }

    [Fact]
    public async Task Requeue_puts_back_only_failed_or_dead_lettered_rows_and_one_by_id_touches_only_that_row()
    {
        var time = new FakeTimeProvider(OutboxTestKit.Start);
        var (app, rows) = await SeedAsync(time);
        await using var _ = app;
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        var before = await OutboxTestKit.RowsAsync(app);

        // A fresh pending row (0 attempts) and a delivered row (even one that failed before) are never requeued.
        Assert.Equal(0, await dispatcher.RequeueAsync(rows[0].Id, default));
        Assert.Equal(0, await dispatcher.RequeueAsync(rows[3].Id, default));

        // By id: that row only — attempts, back-off and dead letter reset; its neighbour with the same attempts untouched.
        Assert.Equal(1, await dispatcher.RequeueAsync(rows[2].Id, default));
        var after = await OutboxTestKit.RowsAsync(app);
        Assert.Equal(0, after[2].Attempts);
        Assert.False(after[2].DeadLettered);
        Assert.Null(after[2].NextAttemptAt);
        Assert.Equal("r2", after[2].LastError); // the last error stays visible until the row succeeds
        Assert.Equal(1, await dispatcher.RequeueAsync(rows[1].Id, default));
        after = await OutboxTestKit.RowsAsync(app);
        Assert.Null(after[1].NextAttemptAt);
        Assert.Equal(0, after[1].Attempts);
        foreach (var i in new[] { 0, 3, 4, 5, 6 })
        {
            Assert.Equivalent(before[i], after[i], strict: true);
        }

        // Without an id: every remaining failed or dead-lettered row (4, 5 and 6), nothing else.
        Assert.Equal(3, await dispatcher.RequeueAsync(null, default));
        after = await OutboxTestKit.RowsAsync(app);
        Assert.All(after.Where(r => r.DispatchedAt is null), r =>
        {
            Assert.Equal(0, r.Attempts);
            Assert.False(r.DeadLettered);
            Assert.Null(r.NextAttemptAt);
        });
        Assert.Equivalent(before[3], after[3], strict: true); // the delivered row keeps its 2 attempts
        Assert.Equal(0, await dispatcher.RequeueAsync(null, default)); // nothing failed is left

        // Requeued rows are due at once.
        Assert.Equal(new DispatchResult(6, 6, 0, 0), await dispatcher.DispatchBatchAsync(10, default));
    }
}

public sealed class OutboxTestsOfAdminQueueOnSqlite : OutboxTestsOfAdminQueue<AppFactory>;

[RequiresPostgres]
public sealed class OutboxTestsOfAdminQueueOnPostgres : OutboxTestsOfAdminQueue<PostgresAppFactory>;

/// <summary>
/// How the dispatcher runs handlers: outbox order, exactly the handlers that have not yet handled an
/// event, the processed-message check keyed by handler AND event, the lease it holds while handlers run.
/// </summary>
public abstract class OutboxTestsOfHandlers<TApp>
    where TApp : AppFactory, new()
{
    [Fact]
    public async Task Handlers_see_a_batch_in_outbox_order()
    {
        var seen = new ConcurrentQueue<long>();
        var handler = new CountingHandler { OnHandle = e => { seen.Enqueue(e.Id); return Task.CompletedTask; } };
        await using var app = OutboxTestKit.Host<TApp>(new FakeTimeProvider(OutboxTestKit.Start), handler);
        var rows = await OutboxTestKit.AppendAsync(app, 5);
        Assert.Equal(new DispatchResult(5, 5, 0, 0), await app.Services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(10, default));
        Assert.Equal(rows.Select(r => r.Id), seen);
    }

    [Fact]
    public async Task On_retry_only_the_handler_that_failed_runs_again()
    {
        var time = new FakeTimeProvider(OutboxTestKit.Start);
        var a = new CountingHandler { Name = "test.a" };
        var b = new CountingHandler { Name = "test.b", FailuresLeft = 1000, FailureMessage = "down" };
        await using var app = OutboxTestKit.Host<TApp>(time, a, b);
        var row = Assert.Single(await OutboxTestKit.AppendAsync(app, 1));
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();

        Assert.Equal(new DispatchResult(1, 0, 1, 0), await dispatcher.DispatchBatchAsync(10, default));
        Assert.Equal("test.b: down", Assert.Single(await OutboxTestKit.RowsAsync(app)).LastError);
        Assert.Equal(1, a.Effects[row.EventId]);

        // b fails its batch once more, then succeeds alone: a's processed row must not stand in for b's.
        b.FailuresLeft = 1;
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(new DispatchResult(1, 1, 0, 0), await dispatcher.DispatchBatchAsync(10, default));
        Assert.Equal(1, a.Effects[row.EventId]);
        Assert.Equal(1, b.Effects[row.EventId]);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(["test.a", "test.b"], await db.Set<ProcessedMessage>().Where(p => p.EventId == row.EventId).Select(p => p.Handler).OrderBy(h => h).ToListAsync());
    }

    [Fact]
    public async Task A_handler_whose_event_another_dispatcher_finished_while_its_batch_failed_is_not_run_again()
    {
        var time = new FakeTimeProvider(OutboxTestKit.Start);
        AppFactory? host = null;
        var b = new ScriptedHandler("test.b", async (entry, _, call) =>
        {
            if (call == 1)
            {
                // Another dispatcher (lease expired) finishes the event; our batch then fails.
                await using var other = await host!.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
                other.Add(new ProcessedMessage { Handler = "test.b", EventId = entry.EventId, At = time.GetUtcNow().UtcDateTime });
                await other.SaveChangesAsync();
                throw new InvalidOperationException("batch failed");
            }
        });
        await using var app = OutboxTestKit.Host<TApp>(time, b);
        host = app;
        await OutboxTestKit.AppendAsync(app, 1);
        Assert.Equal(new DispatchResult(1, 1, 0, 0), await app.Services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(10, default));
        Assert.Equal(1, b.Calls);
        Assert.Null(Assert.Single(await OutboxTestKit.RowsAsync(app)).LastError);
    }

    [Fact]
    public async Task A_unique_conflict_on_another_handlers_row_is_a_failure_of_this_handler()
    {
        // Only a conflict on THIS handler's processed-message row means "someone else did it"; b here
        // collides with a's row (a bug in b), which must be reported, not taken for success.
        var time = new FakeTimeProvider(OutboxTestKit.Start);
        var a = new CountingHandler { Name = "test.a" };
        var b = new ScriptedHandler("test.b", (entry, db, _) =>
        {
            db.Add(new ProcessedMessage { Handler = "test.a", EventId = entry.EventId, At = time.GetUtcNow().UtcDateTime });
            return Task.CompletedTask;
        });
        await using var app = OutboxTestKit.Host<TApp>(time, a, b);
        await OutboxTestKit.AppendAsync(app, 1);
        Assert.Equal(new DispatchResult(1, 0, 1, 0), await app.Services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(10, default));
        var row = Assert.Single(await OutboxTestKit.RowsAsync(app));
        Assert.Null(row.DispatchedAt);
        Assert.Equal(1, row.Attempts);
        Assert.StartsWith("test.b: ", row.LastError);
        Assert.Equal(2, b.Calls); // the batch, then alone
    }

    [Fact]
    public async Task While_handlers_run_the_row_is_leased_to_this_host_for_two_minutes_and_no_other_dispatcher_takes_it()
    {
        var time = new FakeTimeProvider(OutboxTestKit.Start);
        AppFactory? host = null;
        var checkedLease = false;
        var handler = new CountingHandler();
        handler.OnHandle = async entry =>
        {
            if (checkedLease)
            {
                return;
            }
            checkedLease = true;
            var now = time.GetUtcNow().UtcDateTime;
            var held = Assert.Single(await OutboxTestKit.RowsAsync(host!));
            Assert.Equal(now.AddMinutes(2), held.LockedUntil);
            Assert.StartsWith($"{Environment.MachineName}:{Environment.ProcessId}:", held.LockedBy);
            var other = host!.Services.GetRequiredService<OutboxDispatcher>();
            Assert.Equal(0, (await other.DispatchBatchAsync(10, default)).Claimed);
            time.SetUtcNow(new DateTimeOffset(now.AddMinutes(2), TimeSpan.Zero));
            Assert.Equal(0, (await other.DispatchBatchAsync(10, default)).Claimed); // the lease's last instant is still ours
        };
        await using var app = OutboxTestKit.Host<TApp>(time, handler);
        host = app;
        await OutboxTestKit.AppendAsync(app, 1);
        Assert.Equal(new DispatchResult(1, 1, 0, 0), await app.Services.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(10, default));
        Assert.True(checkedLease);
        var done = Assert.Single(await OutboxTestKit.RowsAsync(app));
        Assert.Null(done.LockedBy);
        Assert.Null(done.LockedUntil);
        Assert.Equal(1, Assert.Single(handler.Effects).Value);
    }
}

public sealed class OutboxTestsOfHandlersOnSqlite : OutboxTestsOfHandlers<AppFactory>;

[RequiresPostgres]
public sealed class OutboxTestsOfHandlersOnPostgres : OutboxTestsOfHandlers<PostgresAppFactory>;

/// <summary>Lease owners fit the LockedBy column whatever the host name.</summary>
public sealed class OutboxTestsOfLeaseOwner
{
    [Fact]
    public void A_long_host_name_is_cut_so_the_owner_fits_and_keeps_its_unique_part()
    {
        var claim = Guid.NewGuid();
        Assert.Equal($"web-1:4242:{claim:N}", LeaseClaims.NewOwner("web-1", 4242, claim));
        var pod = new string('p', 63); // a Kubernetes pod name may be 63 characters
        var owner = LeaseClaims.NewOwner(pod, 4194304, claim);
        Assert.Equal(LeaseClaims.MaxOwnerLength, owner.Length);
        Assert.EndsWith($":4194304:{claim:N}", owner);
        Assert.StartsWith("ppp", owner);
        var fits = new string('h', LeaseClaims.MaxOwnerLength - $":1:{claim:N}".Length);
        Assert.Equal($"{fits}:1:{claim:N}", LeaseClaims.NewOwner(fits, 1, claim));
    }
}
