using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>Runs background work to completion by hand: stored notifications, then the outbox, until nothing is left.</summary>
public static class Pipeline
{
    /// <summary>Processes every stored notification and dispatches every due outbox row (repeats while either finds work).</summary>
    public static async Task RunToCompletionAsync(IServiceProvider services, int maxRounds = 50)
    {
        using var scope = services.CreateScope();
        var processor = scope.ServiceProvider.GetRequiredService<ProcessInboundEventJob>();
        var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
        for (var round = 0; round < maxRounds; round++)
        {
            var processed = await processor.DrainAsync(default);
            var dispatched = await dispatcher.DispatchBatchAsync(500, default);
            if (processed == 0 && dispatched.Claimed == 0 && await IsIdleAsync(services))
            {
                return;
            }
            if (processed == 0 && dispatched.Claimed == 0)
            {
                // Work exists but is held by someone else's lease (e.g. Hangfire's own dispatch job): let it finish.
                await Task.Delay(20);
            }
        }
        throw new TimeoutException($"Background work did not finish in {maxRounds} rounds: {await DescribeAsync(services)}");
    }

    public static async Task<bool> IsIdleAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return !await db.Set<InboundEvent>().AnyAsync(e => e.ProcessedAt == null && e.Attempts < ProcessInboundEventJob.MaxAttempts)
               && !await db.Set<OutboxEntry>().AnyAsync(o => o.DispatchedAt == null && !o.DeadLettered);
    }

    private static async Task<string> DescribeAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var inbound = await db.Set<InboundEvent>().Where(e => e.ProcessedAt == null).Select(e => new { e.Attempts, e.LockedUntil, e.LastError }).ToListAsync();
        var outbox = await db.Set<OutboxEntry>().Where(o => o.DispatchedAt == null).Select(o => new { o.EventType, o.Attempts, o.NextAttemptAt, o.LockedUntil, o.LastError }).ToListAsync();
        return $"inbound pending: {string.Join("; ", inbound)}; outbox pending: {string.Join("; ", outbox)}";
    }
}
