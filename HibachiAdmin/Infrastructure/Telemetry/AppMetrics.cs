using System.Diagnostics.Metrics;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Telemetry;

/// <summary>
/// The app's own OpenTelemetry instruments, on one meter per host (<see cref="IMeterFactory"/>, so test hosts in one
/// process never count into each other). Scraped at <c>/metrics</c> (Prometheus text, Admins only); names below are the
/// OpenTelemetry names, Prometheus shows them with underscores and unit suffixes (<c>hibachi_sms_sent_total</c>).
/// Queue depths are observable gauges registered by the feature that owns the queue (Messaging: inbound events;
/// Events: the outbox), read from the database when collected.
/// </summary>
public sealed class AppMetrics
{
    public const string MeterName = "HibachiAdmin";

    private readonly IDbContextFactory<AppDbContext> _dbFactory;
    private readonly TimeProvider _time;
    private readonly ILogger<AppMetrics> _logger;

    public AppMetrics(IMeterFactory factory, IEnumerable<QueueGauge> queues, IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ILogger<AppMetrics> logger)
    {
        _dbFactory = dbFactory;
        _time = time;
        _logger = logger;
        Meter = factory.Create(MeterName);
        foreach (var queue in queues)
        {
            Meter.CreateObservableGauge($"{queue.Name}.depth", () => Read(queue)?.Depth ?? 0, "{item}", $"How many {queue.What}.");
            Meter.CreateObservableGauge($"{queue.Name}.oldest_age", () => Read(queue)?.OldestAge ?? 0, "s", $"How long the oldest of the {queue.What} has waited.");
        }
        RateLimitWaits = Meter.CreateCounter<long>("hibachi.provider.rate_limit.waits", "{wait}",
            "Requests that waited on a provider limit, by provider group, lane and reason (retry_after: the provider said 429; budget: our own per-lane budget was spent).");
        RateLimitWaitDuration = Meter.CreateHistogram<double>("hibachi.provider.rate_limit.wait.duration", "s",
            "How long a request waited on a provider limit before it was sent, by group and lane.");
        RateLimitRefusals = Meter.CreateCounter<long>("hibachi.provider.rate_limit.refusals", "{response}",
            "429 answers from the provider, by the group they name.");
        TextsSent = Meter.CreateCounter<long>("hibachi.sms.sent", "{text}", "Texts the provider accepted, by purpose and channel (p2p or batch).");
        TextsFailed = Meter.CreateCounter<long>("hibachi.sms.failed", "{text}", "Texts the provider refused when they were handed over, by purpose and channel.");
    }

    public Meter Meter { get; }

    public Counter<long> RateLimitWaits { get; }

    public Histogram<double> RateLimitWaitDuration { get; }

    public Counter<long> RateLimitRefusals { get; }

    public Counter<long> TextsSent { get; }

    public Counter<long> TextsFailed { get; }

    /// <summary>A queue now: rows waiting and the oldest one's wait in seconds (null: the database did not answer).</summary>
    public (int Depth, double OldestAge)? Read(QueueGauge queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        try
        {
            using var db = _dbFactory.CreateDbContext();
            var waiting = queue.WaitingSince(db);
            var depth = waiting.Count();
            var oldest = depth == 0 ? null : waiting.Min(t => (DateTime?)t);
            var age = oldest is { } o ? Math.Max(0, (_time.GetUtcNow().UtcDateTime - o).TotalSeconds) : 0;
            return (depth, age);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            _logger.LogWarning(ex, "Reading {Queue} for metrics failed", queue.Name);
            return null;
        }
    }
}
