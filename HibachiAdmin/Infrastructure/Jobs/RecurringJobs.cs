using Hangfire;
using Hangfire.Storage;

namespace HibachiAdmin.Infrastructure.Jobs;

/// <summary>
/// The one schedule list of the app. Every recurring job is here; on start the list is applied and
/// recurring jobs that are no longer listed are removed (in PostgreSQL storage they would linger).
/// Jobs carry ids only; their truth is in the database (README, Architecture).
/// </summary>
public static class RecurringJobs
{
    public static IReadOnlyList<(string Id, string Cron, Action<IRecurringJobManager, string, string> Register)> All { get; } =
    [
        (Features.Messaging.InboundEventSweepJob.Id, Cron.Minutely(), (m, id, cron) => m.AddOrUpdate<Features.Messaging.InboundEventSweepJob>(id, j => j.RunAsync(CancellationToken.None), cron)),
        (Features.Messaging.StatusSyncJob.Id, Cron.Minutely(), (m, id, cron) => m.AddOrUpdate<Features.Messaging.StatusSyncJob>(id, j => j.RunAsync(CancellationToken.None), cron)),
        (Features.Messaging.A2pReconcileJob.Id, "*/10 * * * *", (m, id, cron) => m.AddOrUpdate<Features.Messaging.A2pReconcileJob>(id, j => j.RunAsync(CancellationToken.None), cron)),
        (Features.Messaging.OptOutSyncJob.PushId, Cron.Minutely(), (m, id, cron) => m.AddOrUpdate<Features.Messaging.OptOutSyncJob>(id, j => j.PushAsync(CancellationToken.None), cron)),
        (Features.Messaging.OptOutSyncJob.ReconcileId, "37 2 * * *", (m, id, cron) => m.AddOrUpdate<Features.Messaging.OptOutSyncJob>(id, j => j.ReconcileAsync(CancellationToken.None), cron)),
        (Features.Messaging.RenewSubscriptionsJob.Id, "41 3 * * *", (m, id, cron) => m.AddOrUpdate<Features.Messaging.RenewSubscriptionsJob>(id, j => j.RunAsync(CancellationToken.None), cron)),
        (Events.OutboxDispatchJob.Id, Cron.Minutely(), (m, id, cron) => m.AddOrUpdate<Events.OutboxDispatchJob>(id, j => j.RunAsync(CancellationToken.None), cron)),
        (Features.Calls.MissedCallTextBackJob.Id, Cron.Minutely(), (m, id, cron) => m.AddOrUpdate<Features.Calls.MissedCallTextBackJob>(id, j => j.RunAsync(CancellationToken.None), cron)),
        (Features.Messaging.OptInRequestJob.Id, Cron.Minutely(), (m, id, cron) => m.AddOrUpdate<Features.Messaging.OptInRequestJob>(id, j => j.RunAsync(CancellationToken.None), cron)),
        (Features.Messaging.InDoubtSmsJob.Id, Cron.Minutely(), (m, id, cron) => m.AddOrUpdate<Features.Messaging.InDoubtSmsJob>(id, j => j.RunAsync(CancellationToken.None), cron)),
        (Features.Campaigns.CampaignSendJob.Id, Cron.Minutely(), (m, id, cron) => m.AddOrUpdate<Features.Campaigns.CampaignSendJob>(id, j => j.RunAsync(CancellationToken.None), cron)),
        (Features.Bookings.DueMessagesJob.Id, Cron.Minutely(), (m, id, cron) => m.AddOrUpdate<Features.Bookings.DueMessagesJob>(id, j => j.RunAsync(CancellationToken.None), cron)),
        (Features.Reviews.ReviewImportJob.Id, Cron.Hourly(7), (m, id, cron) => m.AddOrUpdate<Features.Reviews.ReviewImportJob>(id, j => j.RunAsync(CancellationToken.None), cron)),
        // Google's paging can drop reviews after the first page: every page is read again nightly.
        (Features.Reviews.ReviewImportJob.FullId, "23 3 * * *", (m, id, cron) => m.AddOrUpdate<Features.Reviews.ReviewImportJob>(id, j => j.RunFullAsync(CancellationToken.None), cron)),
        (DatabaseMaintenanceJob.Id, "17 4 * * *", (m, id, cron) => m.AddOrUpdate<DatabaseMaintenanceJob>(id, j => j.RunAsync(CancellationToken.None), cron)),
    ];
}

/// <summary>Applies <see cref="RecurringJobs.All"/> when the app starts.</summary>
public sealed class RecurringJobsRegistrar(IRecurringJobManager manager, JobStorage storage, ILogger<RecurringJobsRegistrar> logger) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        var wanted = RecurringJobs.All.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        using (var connection = storage.GetConnection())
        {
            foreach (var existing in connection.GetRecurringJobs().Where(j => !wanted.Contains(j.Id)))
            {
                manager.RemoveIfExists(existing.Id);
                logger.LogInformation("Removed recurring job {JobId}: no longer in RecurringJobs.", existing.Id);
            }
        }
        foreach (var (id, cron, register) in RecurringJobs.All)
        {
            register(manager, id, cron);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
