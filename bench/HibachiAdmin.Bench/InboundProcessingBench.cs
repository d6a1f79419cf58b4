using System.Diagnostics;
using System.Text.Json;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Bench;

/// <summary>
/// Processing throughput on SQLite: a backlog of stored RingCentral SMS notifications (as a burst or a
/// crash leaves it) drained by one worker — messages into threads, consent keywords, outbox events —
/// then the outbox effects (confirmations, booking intent → leads) dispatched.
/// </summary>
public sealed class InboundProcessingBench : IBench
{
    public string Name => "inbound-processing";

    private static string Text(int i) => (i % 10) switch
    {
        0 => "STOP",
        1 or 2 or 3 or 4 => $"Hi! Do you have availability for a hibachi party of {10 + i % 30} on December {1 + i % 28} in 100{i % 90:D2}?",
        _ => "Sounds good, thank you!",
    };

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        var total = int.TryParse(Environment.GetEnvironmentVariable("BENCH_NOTIFICATIONS"), out var n) ? n : 20_000;
        var dbPath = Path.Combine(Path.GetTempPath(), $"hibachi-inbound-bench-{Guid.NewGuid():N}.db");
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Default", $"Data Source={dbPath}");
            b.UseSetting("Bootstrap:AdminEmail", "bench@hibachi.local");
            b.UseSetting("Bootstrap:AdminPassword", "benchmark pass phrase");
            b.UseSetting("Logging:LogLevel:Default", "Error");
            b.UseSetting("Hangfire:ProcessJobs", "false");
        });
        var services = app.Services;
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var received = DateTime.UtcNow;
        // 5,000 senders, four texts each on average: threads are reused as in real traffic.
        for (var chunk = 0; chunk < total; chunk += 1000)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            for (var i = chunk; i < Math.Min(total, chunk + 1000); i++)
            {
                var phone = $"+1212555{i % 5000:D4}";
                var payload = JsonSerializer.Serialize(new
                {
                    uuid = $"bench-{i}",
                    @event = "/restapi/v1.0/account/1/extension/1/message-store/instant?type=SMS",
                    body = new { id = $"m-{i}", from = new { phoneNumber = phone }, type = "SMS", direction = "Inbound", subject = Text(i), creationTime = received.AddMilliseconds(i).ToString("O") },
                });
                db.Add(new InboundEvent { Id = Guid.CreateVersion7(), Provider = "ringcentral", ExternalId = $"bench-{i}", Channel = "sms", Payload = payload, ReceivedAt = received.AddMilliseconds(i) });
            }
            await db.SaveChangesAsync(ct);
        }

        using var scope = services.CreateScope();
        var processor = scope.ServiceProvider.GetRequiredService<ProcessInboundEventJob>();
        var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var sw = Stopwatch.StartNew();
        var processed = await processor.DrainAsync(ct);
        var processing = sw.Elapsed;
        var effects = 0;
        while (true)
        {
            var r = await dispatcher.DispatchBatchAsync(500, ct);
            if (r.Claimed == 0)
            {
                break;
            }
            effects += r.Dispatched;
        }
        var endToEnd = sw.Elapsed;
        await using var check = await factory.CreateDbContextAsync(ct);
        var unprocessed = await check.Set<InboundEvent>().CountAsync(e => e.ProcessedAt == null, ct);
        var leads = await check.Set<Features.Leads.Lead>().CountAsync(ct);
        var confirmations = await check.Set<OutboundMessage>().CountAsync(m => m.Purpose == Features.Messaging.Contracts.SmsPurpose.OptOutConfirmation, ct);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(dbPath + suffix);
        }
        return
        [
            $"{processed:N0} notifications processed in {processing.TotalSeconds:F2} s = {processed / processing.TotalSeconds:N0}/s (one worker; messages, consent, outbox events; {unprocessed} left)",
            $"then {effects:N0} outbox effects in {(endToEnd - processing).TotalSeconds:F2} s = {effects / (endToEnd - processing).TotalSeconds:N0}/s ({confirmations:N0} opt-out confirmations, {leads:N0} leads)",
            $"end to end {processed / endToEnd.TotalSeconds:N0} notifications/s; managed heap grew {(GC.GetTotalMemory(false) - memoryBefore) / 1_048_576.0:F0} MB",
        ];
    }
}
