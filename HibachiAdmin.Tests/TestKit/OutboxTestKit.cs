using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>Hosts for the outbox tests (admin queue, handlers): no background dispatch, signals recorded, the given handlers and clock.</summary>
internal static class OutboxTestKit
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public static AppFactory Host<TApp>(FakeTimeProvider time, params IEventHandler[] handlers)
        where TApp : AppFactory, new() => new TApp
        {
            Time = time,
            ConfigureTestServices = s =>
            {
                s.AddSingleton<Hangfire.IBackgroundJobClient>(new RecordingJobClient());
                foreach (var handler in handlers)
                {
                    s.AddSingleton(handler);
                }
            },
        }.With("Hangfire:ProcessJobs", "false");

    private sealed record Happened(string What);

    /// <summary>Appends <paramref name="count"/> events, each in its own stream; returns their outbox rows, oldest first.</summary>
    public static async Task<List<OutboxEntry>> AppendAsync(AppFactory app, int count)
    {
        var store = app.Services.GetRequiredService<EventStore>();
        for (var i = 0; i < count; i++)
        {
            var stream = Guid.NewGuid();
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            store.Append(db, stream, "test", 0, [("test.happened.v1", (object)new Happened($"#{i}"))], new EventMetadata("tester", Guid.NewGuid()));
            await EventStore.SaveAsync(db, stream, 0, default);
        }
        return await RowsAsync(app);
    }

    public static async Task<List<OutboxEntry>> RowsAsync(AppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<OutboxEntry>().AsNoTracking().OrderBy(o => o.Id).ToListAsync();
    }

    public static async Task SetAsync(AppFactory app, long id, int attempts, bool dead = false, DateTime? nextAttemptAt = null, DateTime? dispatchedAt = null, string? error = null)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await db.Set<OutboxEntry>().Where(o => o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Attempts, attempts).SetProperty(o => o.DeadLettered, dead).SetProperty(o => o.NextAttemptAt, nextAttemptAt)
            .SetProperty(o => o.DispatchedAt, dispatchedAt).SetProperty(o => o.LastError, error));
    }
}

/// <summary>A handler driven by a delegate; counts its calls.</summary>
public sealed class ScriptedHandler(string name, Func<OutboxEntry, AppDbContext, int, Task> handle) : IEventHandler
{
    private int _calls;
    public int Calls => _calls;
    public string Name => name;
    public bool Handles(string eventType) => eventType.StartsWith("test.", StringComparison.Ordinal);
    public Task HandleAsync(OutboxEntry entry, AppDbContext db, CancellationToken ct) => handle(entry, db, Interlocked.Increment(ref _calls));
}
