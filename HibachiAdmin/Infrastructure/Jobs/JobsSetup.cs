using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using HibachiAdmin.Infrastructure.Identity;

namespace HibachiAdmin.Infrastructure.Jobs;

public static class JobsSetup
{
    public const string DefaultQueue = "default";

    /// <summary>Queue for processing stored provider notifications (webhooks), served by its own workers.</summary>
    public const string InboundQueue = "inbound";

    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        // Each host owns its storage and activator, registered before AddHangfire (whose defaults are
        // TryAdd) so the job client, the recurring-job manager, the servers and the dashboard resolve
        // this host's instances. AddHangfire's defaults are Hangfire's process-wide JobStorage.Current and
        // JobActivator.Current, which the last host to configure itself wins: with several hosts in one
        // process (tests run many side by side) a job would be stored in, or activated from, another host.
        var configuration = builder.Configuration;
        builder.Services.AddRecurringJob<DatabaseMaintenanceJob>(DatabaseMaintenanceJob.Id, "17 4 * * *", j => j.RunAsync(CancellationToken.None));
        builder.Services.AddSingleton<JobStorage>(_ => CreateStorage(configuration));
        builder.Services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        // What stays global is the same for every host: serializer settings and the compatibility level.
        builder.Services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        // Hangfire:ProcessJobs=false makes a web-only instance (jobs are stored, another instance runs them);
        // tests use it to run background work by hand.
        if (!builder.Configuration.GetValue("Hangfire:ProcessJobs", true))
        {
            builder.Services.AddHostedService<RecurringJobsRegistrar>();
            return builder;
        }
        builder.Services.AddHangfireServer(o =>
        {
            o.WorkerCount = builder.Configuration.GetValue("Hangfire:WorkerCount", Math.Max(4, Environment.ProcessorCount * 2));
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            o.Queues = [DefaultQueue];
        });
        // Provider notifications are processed on their own queue and workers: a burst of webhooks
        // never takes every worker from the outbox and reminders, and on SQLite (one writer at a time)
        // a single worker keeps processing from fighting the webhook writer for the write lock.
        builder.Services.AddHangfireServer(o =>
        {
            o.ServerName = $"{Environment.MachineName}:inbound";
            o.WorkerCount = builder.Configuration.GetValue("Hangfire:InboundWorkerCount", 1);
            o.Queues = [InboundQueue];
        });
        builder.AddProviderStatusServer();
        builder.Services.AddHostedService<RecurringJobsRegistrar>();
        return builder;
    }

    /// <summary>The storage named by <c>Hangfire:Storage</c>, built for one host (never installed as <c>JobStorage.Current</c>).</summary>
    private static JobStorage CreateStorage(IConfiguration configuration)
    {
        var storage = configuration["Hangfire:Storage"] ?? "InMemory";
        if (string.Equals(storage, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var cs = configuration.GetConnectionString("Hangfire") ?? configuration.GetConnectionString("Default")
                ?? throw new InvalidOperationException("Hangfire:Storage=Postgres needs ConnectionStrings:Hangfire or ConnectionStrings:Default.");
            // Several app instances share this storage: one of them fires each recurring job per
            // schedule (Hangfire's distributed lock in PostgreSQL), and a job is fetched by one worker.
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true, // the schema is created (and upgraded) on start
                EnableLongPolling = true, // workers wake on LISTEN/NOTIFY instead of polling every 15 s
                QueuePollInterval = TimeSpan.FromSeconds(1),
                UseSlidingInvisibilityTimeout = true, // a long job is not handed to a second worker while it runs
                DistributedLockTimeout = TimeSpan.FromMinutes(1),
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(cs, options), options);
        }
        if (string.Equals(storage, "InMemory", StringComparison.OrdinalIgnoreCase))
        {
            return new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromHours(6) });
        }
        throw new InvalidOperationException($"Hangfire:Storage must be InMemory or Postgres, not '{storage}'.");
    }

    /// <summary>The dashboard for Admins only: endpoint authorization plus a filter that checks the role itself.</summary>
    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder app)
    {
        // Given this host's storage explicitly (see AddJobs: never the process-wide JobStorage.Current).
        var storage = app.ServiceProvider.GetRequiredService<JobStorage>();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorizationFilter()],
            AppPath = "/",
            DashboardTitle = "HibachiAdmin jobs",
            DisplayStorageConnectionString = false,
        }, storage).RequireAuthorization(Policies.Admin);
        return app;
    }
}
