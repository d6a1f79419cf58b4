using System.Linq.Expressions;
using Hangfire;

namespace HibachiAdmin.Infrastructure.Jobs;

public static class RecurringScheduleRegistration
{
    /// <summary>Declares a recurring job: <paramref name="run"/> is enqueued by Hangfire on <paramref name="cron"/>.</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, string id, string cron, Expression<Func<TJob, Task>> run) =>
        services.AddSingleton(new RecurringSchedule(id, cron, (manager, jobId, jobCron) => manager.AddOrUpdate(jobId, run, jobCron)));
}
