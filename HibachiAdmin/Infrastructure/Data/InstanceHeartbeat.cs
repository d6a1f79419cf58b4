using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Data;

/// <summary>Heartbeats on PostgreSQL (<see cref="LeaseRecovery"/>); registered before the job servers, so it stops after them.</summary>
public sealed class InstanceHeartbeat(LeaseRecovery recovery, DatabaseSettings settings, TimeProvider time, ILogger<InstanceHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Provider != DbProvider.Postgres)
        {
            return;
        }
        using var timer = new PeriodicTimer(LeaseRecovery.HeartbeatEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await recovery.BeatAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Heartbeat failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (settings.Provider == DbProvider.Postgres)
        {
            try
            {
                await recovery.StopAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not give back this instance's leases on stop; they are taken over after {Seconds} s", LeaseRecovery.SilentAfter.TotalSeconds);
            }
        }
    }
}
