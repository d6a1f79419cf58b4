using System.Collections.Concurrent;
using System.Diagnostics;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Bench;

/// <summary>
/// Outbox on SQLite, or PostgreSQL with one or two instances (<see cref="BenchDatabase"/>): dispatch throughput with a no-op handler over 20,000 committed events, and
/// commit-to-handler latency through the real path (commit → signal → Hangfire job → handler).
/// </summary>
public sealed class OutboxBench : IBench
{
    public string Name => "outbox";

    private sealed record Tick(long Sequence);

    private sealed class NoOpHandler : IEventHandler
    {
        public ConcurrentDictionary<Guid, DateTime> Seen { get; } = new();
        public string Name => "bench.noop";
        public bool Handles(string eventType) => eventType.StartsWith("bench.", StringComparison.Ordinal);

        public Task HandleAsync(OutboxEntry entry, AppDbContext db, CancellationToken ct)
        {
            Seen.TryAdd(entry.EventId, DateTime.UtcNow);
            return Task.CompletedTask;
        }
    }

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        var handler = new NoOpHandler();
        await using var database = BenchDatabase.Create(Name);
        var apps = Enumerable.Range(0, BenchDatabase.Instances)
            .Select(_ => database.NewInstance(services: s => s.AddSingleton<IEventHandler>(handler))).ToList();
        await using var disposeApps = new AsyncDisposables(apps);
        var app = apps[0];
        var services = app.Services;
        var store = services.GetRequiredService<EventStore>();
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();

        // Throughput: 20,000 events in 200 streams, committed first, then drained by one dispatcher loop per instance.
        const int streams = 200, perStream = 100;
        for (var s = 0; s < streams; s++)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            store.Append(db, Guid.NewGuid(), "bench", 0, Enumerable.Range(0, perStream).Select(i => ("bench.tick.v1", (object)new Tick(i))), new EventMetadata("bench", Guid.NewGuid()));
            await EventStore.SaveAsync(db, Guid.Empty, 0, ct);
        }
        // One dispatch loop per instance, side by side (their leases keep them off each other's rows).
        var dispatchers = apps.Select(a => a.Services.GetRequiredService<OutboxDispatcher>()).ToList();
        var sw = Stopwatch.StartNew();
        var dispatched = 0;
        await Task.WhenAll(dispatchers.Select(d => Task.Run(async () =>
        {
            DispatchResult result;
            do
            {
                result = await d.DispatchBatchAsync(500, ct);
                Interlocked.Add(ref dispatched, result.Dispatched);
            }
            while (result.Claimed > 0);
        }, ct)));
        var throughput = dispatched / sw.Elapsed.TotalSeconds;

        // Latency: one event at a time through commit → OutboxSignal → Hangfire → handler.
        var signal = services.GetRequiredService<OutboxSignal>();
        var latencies = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var stream = Guid.NewGuid();
            store.Append(db, stream, "bench", 0, [("bench.tick.v1", (object)new Tick(i))], new EventMetadata("bench", Guid.NewGuid()));
            await EventStore.SaveAsync(db, stream, 0, ct);
            var committed = DateTime.UtcNow;
            var eventId = await db.Set<StoredEvent>().Where(e => e.StreamId == stream).Select(e => e.EventId).SingleAsync(ct);
            signal.Committed();
            var wait = Stopwatch.StartNew();
            while (!handler.Seen.ContainsKey(eventId) && wait.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(2, ct);
            }
            latencies.Add(handler.Seen.TryGetValue(eventId, out var at) ? (at - committed).TotalMilliseconds : double.NaN);
        }
        var sorted = latencies.Where(l => !double.IsNaN(l)).Order().ToList();
        return
        [
            $"{database.Describe()}: dispatch throughput, no-op handler, batches of 500: {dispatched} events in {sw.Elapsed.TotalSeconds:F1} s = {throughput:F0} events/s",
            $"commit-to-handler latency via Hangfire (50 single events): p50 {sorted[sorted.Count / 2]:F0} ms, p95 {sorted[(int)(sorted.Count * 0.95)]:F0} ms, lost {latencies.Count - sorted.Count}",
        ];
    }
}
