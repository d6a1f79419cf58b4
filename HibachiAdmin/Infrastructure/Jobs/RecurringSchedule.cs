using Hangfire;

namespace HibachiAdmin.Infrastructure.Jobs;

/// <summary>
/// One recurring job, declared by the feature (or infrastructure part) that owns it with
/// <see cref="RecurringScheduleRegistration.AddRecurringJob{TJob}"/>. <see cref="RecurringJobsRegistrar"/>
/// applies every declared schedule on start and removes recurring jobs no longer declared, without
/// naming any feature. Jobs carry ids only; their truth is in the database (README, Architecture).
/// </summary>
public sealed record RecurringSchedule(string Id, string Cron, Action<IRecurringJobManager, string, string> Register);
