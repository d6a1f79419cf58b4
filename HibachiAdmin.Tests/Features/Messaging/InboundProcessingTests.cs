using System.Net;
using System.Text;
using Hangfire;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Jobs;
using HibachiAdmin.Tests.Features.Calls;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>How stored notifications become Hangfire work: batched ids, their own queue, failures isolated.</summary>
public sealed class InboundProcessingTests
{
    private const string Token = "processing-token";

    private static string Notification(int n) =>
        Fixtures.Read("ringcentral-inbound-sms.json")
            .Replace("5f1c0a3e-8b2d-4c1e-9f7a-2d6b1e0c4a11", $"burst-{n:D4}", StringComparison.Ordinal)
            .Replace("1740001234016", $"8{n:D12}", StringComparison.Ordinal)
            .Replace("+13055550123", $"+1212555{n:D4}", StringComparison.Ordinal);

    private static async Task PostAsync(HttpClient client, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ringcentral/webhooks/sms") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Verification-Token", Token);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    private static IEnumerable<Guid> IdsOf(Hangfire.Common.Job job) => job.Method.Name switch
    {
        nameof(ProcessInboundEventJob.RunAsync) => [(Guid)job.Args[0]],
        nameof(ProcessInboundEventJob.RunBatchAsync) => (Guid[])job.Args[0],
        _ => throw new InvalidOperationException(job.Method.Name),
    };

    [Fact]
    public void Ids_are_queued_in_order_at_most_a_hundred_per_job()
    {
        var jobs = new RecordingJobClient();
        var ids = Enumerable.Range(0, 250).Select(_ => Guid.CreateVersion7()).ToList();
        ProcessInboundEventJob.EnqueueBatches(jobs, ids);

        Assert.Equal([100, 100, 50], jobs.Jobs.Select(j => IdsOf(j.Job).Count()));
        Assert.Equal(ids, jobs.Jobs.SelectMany(j => IdsOf(j.Job)));

        var single = new RecordingJobClient();
        ProcessInboundEventJob.EnqueueBatches(single, [ids[0]]);
        Assert.Equal(nameof(ProcessInboundEventJob.RunAsync), Assert.Single(single.Jobs).Job.Method.Name);
    }

    [Fact]
    public async Task A_burst_of_notifications_queues_every_new_event_exactly_once_and_the_jobs_process_them_all()
    {
        var jobs = new RecordingJobClient();
        await using var app = new AppFactory { ConfigureTestServices = s => s.AddSingleton<IBackgroundJobClient>(jobs) }.With("RingCentral:VerificationToken", Token);
        var client = app.CreateClient();

        // 40 notifications at once, the first 10 delivered twice.
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => PostAsync(client, Notification(i % 40))));

        var queued = jobs.Jobs.Where(j => j.Job.Type == typeof(ProcessInboundEventJob)).ToList();
        var queuedIds = queued.SelectMany(j => IdsOf(j.Job)).ToList();
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var stored = await db.Set<InboundEvent>().Select(e => e.Id).ToListAsync();
            Assert.Equal(40, stored.Count);
            Assert.Equal(stored.Order(), queuedIds.Order());
        }

        using var scope = app.Services.CreateScope();
        var processor = scope.ServiceProvider.GetRequiredService<ProcessInboundEventJob>();
        foreach (var (job, _) in queued)
        {
            if (job.Method.Name == nameof(ProcessInboundEventJob.RunBatchAsync))
            {
                await processor.RunBatchAsync((Guid[])job.Args[0], default);
            }
            else
            {
                await processor.RunAsync((Guid)job.Args[0], default);
            }
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(40, await db.Set<InboundEvent>().CountAsync(e => e.ProcessedAt != null));
            Assert.Equal(40, await db.Set<ConversationMessage>().CountAsync(m => m.ExternalId!.StartsWith("8")));
        }
    }

    [Fact]
    public async Task One_event_that_fails_does_not_stop_the_rest_of_its_batch()
    {
        var now = new DateTime(2026, 11, 24, 18, 0, 0, DateTimeKind.Utc);
        var faults = new FaultInjector();
        await using var app = new AppFactory
        {
            Time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now),
            ConfigureTestServices = s =>
            {
                s.AddSingleton<IBackgroundJobClient>(new RecordingJobClient());
                s.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(faults);
            },
        }.With("RingCentral:VerificationToken", Token);
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        // Every database command about the broken event's sender fails (a poisoned row); the other event must still go through.
        var broken = new InboundEvent { Id = Guid.CreateVersion7(), Provider = "ringcentral", ExternalId = "broken", Channel = "sms", Payload = Notification(6), ReceivedAt = now };
        var good = new InboundEvent { Id = Guid.CreateVersion7(), Provider = "ringcentral", ExternalId = "good", Channel = "sms", Payload = Notification(7), ReceivedAt = now };
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.AddRange(broken, good);
            await db.SaveChangesAsync();
        }
        faults.FailWhen(command => command.Parameters.Cast<System.Data.Common.DbParameter>().Any(p => Equals(p.Value, "+12125550006")));

        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ProcessInboundEventJob>().RunBatchAsync([broken.Id, good.Id], default);

        await using (var db = await factory.CreateDbContextAsync())
        {
            var failed = await db.Set<InboundEvent>().SingleAsync(e => e.Id == broken.Id);
            Assert.Null(failed.ProcessedAt);
            Assert.Equal(1, failed.Attempts);
            Assert.False(string.IsNullOrEmpty(failed.LastError));
            Assert.Null(failed.LockedUntil); // the sweep can retry it
            Assert.NotNull((await db.Set<InboundEvent>().SingleAsync(e => e.Id == good.Id)).ProcessedAt);
        }
    }

    [Fact]
    public async Task Processing_runs_on_the_inbound_queue_with_its_own_workers()
    {
        await using var app = new AppFactory().With("RingCentral:VerificationToken", Token);
        await PostAsync(app.CreateClient(), Notification(1));

        var storage = app.Services.GetRequiredService<JobStorage>();
        var monitoring = storage.GetMonitoringApi();
        var succeeded = await Eventually.UntilAsync(
            () => Task.FromResult(monitoring.SucceededJobs(0, 50).FirstOrDefault(j => j.Value.Job?.Type == typeof(ProcessInboundEventJob)).Key),
            key => key is not null, "Hangfire to run the processing job");
        var queue = monitoring.JobDetails(succeeded).History.First(h => h.StateName == "Enqueued").Data["Queue"];
        Assert.Equal(JobsSetup.InboundQueue, queue);
        Assert.Contains(monitoring.Servers(), s => s.Queues.Contains(JobsSetup.InboundQueue) && !s.Queues.Contains(JobsSetup.DefaultQueue));

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.NotNull((await db.Set<InboundEvent>().SingleAsync()).ProcessedAt);
    }

    [Fact]
    public async Task Steady_traffic_is_processed_as_it_arrives_not_held_back_as_a_burst()
    {
        // 50 texts a second for two seconds: far below a burst (80 rows in 200 ms), so processing never yields
        // to the writer and every text is processed.
        await using var app = new AppFactory().With("RingCentral:VerificationToken", Token);
        var client = app.CreateClient();
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        // Warm-up: a fresh process runs its first few dozen events through unoptimised (tier-0) code.
        for (var i = 0; i < 40; i++)
        {
            await PostAsync(client, Notification(9000 + i));
        }
        async Task<int> ProcessedAsync()
        {
            await using var db = await factory.CreateDbContextAsync();
            return await db.Set<InboundEvent>().CountAsync(e => e.ProcessedAt != null);
        }
        await Eventually.UntilAsync(ProcessedAsync, n => n == 40, "the 40 warm-up notifications to be processed");
        var writer = app.Services.GetRequiredService<InboundEventWriter>();
        var burstSeen = 0;
        var started = DateTime.UtcNow;
        for (var i = 0; i < 100; i++)
        {
            await PostAsync(client, Notification(i));
            burstSeen += writer.IsBurstRate ? 1 : 0;
            var due = started.AddMilliseconds(20 * (i + 1)) - DateTime.UtcNow;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }
        }

        async Task<List<(DateTime Received, DateTime? Processed)>> RowsAsync()
        {
            await using var db = await factory.CreateDbContextAsync();
            return (await db.Set<InboundEvent>().Where(e => !e.ExternalId.StartsWith("burst-9")).Select(e => new { e.ReceivedAt, e.ProcessedAt }).ToListAsync()).Select(e => (e.ReceivedAt, e.ProcessedAt)).ToList();
        }
        var rows = await Eventually.UntilAsync(RowsAsync, r => r.Count == 100 && r.All(x => x.Processed is not null), "the 100 paced notifications to be processed", TimeSpan.FromSeconds(10),
            r => $"{r.Count(x => x.Processed is not null)} of {r.Count} processed");
        Assert.Equal(100, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r.Processed));
        // Processing waits for the writer only during a burst: a steady 50 a second never counts as one, so no
        // job is held back. (The latency itself is a benchmark figure, not a unit-test timing: under a loaded
        // machine it says more about the machine than about the code.)
        Assert.Equal(0, burstSeen);
    }
}
