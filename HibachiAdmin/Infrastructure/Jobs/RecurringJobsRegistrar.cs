using Hangfire;
using Hangfire.Storage;

namespace HibachiAdmin.Infrastructure.Jobs;

/// <summary>
/// Applies every declared <see cref="RecurringSchedule"/> when the app starts; recurring jobs that are no
/// longer declared are removed (in PostgreSQL storage they would linger).
/// </summary>
public sealed class RecurringJobsRegistrar(IRecurringJobManager manager, JobStorage storage, IEnumerable<RecurringSchedule> schedules,
    ILogger<RecurringJobsRegistrar> logger) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        var all = schedules.ToList();
        var wanted = all.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        using (var connection = storage.GetConnection())
        {
            foreach (var existing in connection.GetRecurringJobs().Where(j => !wanted.Contains(j.Id)))
            {
                manager.RemoveIfExists(existing.Id);
                logger.LogInformation("Removed recurring job {JobId}: no longer declared.", existing.Id);
            }
        }
        foreach (var (id, cron, register) in all)
        {
            register(manager, id, cron);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
