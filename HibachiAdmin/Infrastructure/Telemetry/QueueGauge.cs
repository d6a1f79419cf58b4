using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Infrastructure.Telemetry;

/// <summary>
/// A durable queue a feature wants watched: <c>{Name}.depth</c> (rows waiting) and <c>{Name}.oldest_age</c> (seconds the
/// oldest has waited), read from the database when metrics are collected. Registered with
/// <see cref="TelemetrySetup.AddQueueGauge"/>; the feature owns the query, so Telemetry knows no feature's tables.
/// </summary>
/// <param name="Name">The metric name's stem, e.g. <c>hibachi.inbound.queue</c>.</param>
/// <param name="What">What waits, for the description ("provider notifications not processed yet").</param>
/// <param name="WaitingSince">The time each waiting row has waited since (stored UTC).</param>
public sealed record QueueGauge(string Name, string What, Func<AppDbContext, IQueryable<DateTime>> WaitingSince);
