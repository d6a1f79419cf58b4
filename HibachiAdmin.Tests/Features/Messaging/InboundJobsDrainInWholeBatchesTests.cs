using Hangfire;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>
/// After a burst, the backlog drains at the batch rate whatever the webhook writer's commits held: a job that carries one
/// id (a quick commit) processes a whole batch of the oldest waiting notifications, and the jobs after it that find their
/// rows taken end without work (issue 23's uneven drain).
/// </summary>
public sealed class InboundJobsDrainInWholeBatchesTests
{
    private static string Notification(int n) =>
        Fixtures.Read("ringcentral-inbound-sms.json")
            .Replace("5f1c0a3e-8b2d-4c1e-9f7a-2d6b1e0c4a11", $"drain-{n:D4}", StringComparison.Ordinal)
            .Replace("1740001234016", $"6{n:D12}", StringComparison.Ordinal)
            .Replace("+13055550123", $"+1347555{n:D4}", StringComparison.Ordinal);

    [Fact]
    public async Task A_job_carrying_one_id_processes_a_whole_batch_of_the_oldest_and_the_rest_find_nothing_left()
    {
        await using var app = new AppFactory { ConfigureTestServices = s => s.AddSingleton<IBackgroundJobClient>(new RecordingJobClient()) }.With("Hangfire:ProcessJobs", "false");
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddMinutes(-5);
        var rows = Enumerable.Range(0, ProcessInboundEventJob.DrainBatch + 50).Select(i => new InboundEvent
        {
            Id = Guid.CreateVersion7(), Provider = "ringcentral", ExternalId = $"drain-{i:D4}", Channel = "sms", Payload = Notification(i), ReceivedAt = now.AddMilliseconds(i),
        }).ToList();
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.AddRange(rows);
            await db.SaveChangesAsync();
        }

        using var scope = app.Services.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<ProcessInboundEventJob>();
        // The newest row's job: it takes the oldest batch (the texts keep their order), not only its own row.
        await job.RunBatchAsync([rows[^1].Id], default);
        await using (var db = await factory.CreateDbContextAsync())
        {
            var processed = await db.Set<InboundEvent>().Where(e => e.ProcessedAt != null).Select(e => e.ExternalId).ToListAsync();
            Assert.Equal(ProcessInboundEventJob.DrainBatch, processed.Count);
            Assert.Equal(rows.Take(ProcessInboundEventJob.DrainBatch).Select(r => r.ExternalId).Order(), processed.Order());
        }
        await job.RunBatchAsync([rows[0].Id], default);
        await job.RunBatchAsync([rows[1].Id, rows[2].Id], default);
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(rows.Count, await db.Set<InboundEvent>().CountAsync(e => e.ProcessedAt != null && e.Attempts == 1));
        }
    }
}
