using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Bench;

/// <summary>
/// RingCentral SMS webhook ingest over real HTTP (Kestrel on loopback; SQLite, or PostgreSQL with one or
/// two instances: <see cref="BenchDatabase"/>): 10,000 notifications
/// with 10% redeliveries from 32 concurrent senders; accepted/s and latency, then the time until the
/// backlog is processed and a check that every unique notification was processed exactly once.
/// </summary>
public sealed class WebhookIngestBench : IBench
{
    private const string Token = "bench-verification-token";

    public string Name => "webhook-ingest";

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        await using var database = BenchDatabase.Create(Name);
        var apps = new List<WebApplicationFactory<Program>>();
        for (var i = 0; i < BenchDatabase.Instances; i++)
        {
            var port = 5300 + i;
            var app = database.NewInstance(b =>
            {
                b.UseUrls($"http://127.0.0.1:{port}");
                b.UseSetting("RingCentral:VerificationToken", Token);
                b.UseSetting("Hangfire:WorkerCount", Environment.GetEnvironmentVariable("BENCH_WORKERS") ?? "4");
                b.UseSetting("Hangfire:InboundWorkerCount", Environment.GetEnvironmentVariable("BENCH_INBOUND_WORKERS") ?? "1");
            });
            app.UseKestrel(port);
            app.StartServer();
            apps.Add(app);
        }
        await using var disposeApps = new AsyncDisposables(apps);
        var template = await File.ReadAllTextAsync(Path.Combine(StartupBench.RepoRoot(), "HibachiAdmin.Tests", "Fixtures", "ringcentral-inbound-sms.json"), ct);

        const int total = 10_000;
        const int unique = 9_000;
        var Senders = int.TryParse(Environment.GetEnvironmentVariable("BENCH_SENDERS"), out var n0) ? n0 : 32;
        var bodies = Enumerable.Range(0, total).Select(i =>
        {
            var n = i < unique ? i : i % unique; // the last 10% are redeliveries of earlier uuids
            return template.Replace("5f1c0a3e-8b2d-4c1e-9f7a-2d6b1e0c4a11", $"bench-{n:D6}", StringComparison.Ordinal)
                .Replace("1740001234016", $"9{n:D12}", StringComparison.Ordinal)
                .Replace("+13055550123", $"+1212555{n % 10_000:D4}", StringComparison.Ordinal);
        }).ToArray();

        // Senders are spread over the instances (as a load balancer would).
        var https = apps.Select(a => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = a.ClientOptions.BaseAddress }).ToArray();
        // Warm-up outside the measurement.
        for (var w = 0; w < https.Length; w++)
        {
            await SendAsync(https[w], template.Replace("5f1c0a3e", $"warmup{w:D2}", StringComparison.Ordinal), ct);
        }

        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var next = -1;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(async sender =>
        {
            var http = https[sender % https.Length];
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var t = Stopwatch.GetTimestamp();
                var ok = await SendAsync(http, bodies[i], ct);
                latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var ingestSeconds = sw.Elapsed.TotalSeconds;

        var factory = apps[0].Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        int stored, processed;
        var drain = Stopwatch.StartNew();
        do
        {
            await Task.Delay(250, ct);
            await using var db = await factory.CreateDbContextAsync(ct);
            stored = await db.Set<InboundEvent>().CountAsync(e => e.ExternalId.StartsWith("bench-"), ct);
            processed = await db.Set<InboundEvent>().CountAsync(e => e.ExternalId.StartsWith("bench-") && e.ProcessedAt != null, ct);
        }
        while (processed < stored && drain.Elapsed < TimeSpan.FromMinutes(5));

        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var messages = await db.Set<HibachiAdmin.Features.Inbox.ConversationMessage>().CountAsync(m => m.ExternalId!.StartsWith("9"), ct);
            var sorted = latencies.Order().ToList();
            return
            [
                $"{database.Describe()}: {total} notifications ({total - unique} redeliveries), {Senders} concurrent senders: {total / ingestSeconds:F0} accepted/s, p50 {sorted[sorted.Count / 2]:F1} ms, p99 {sorted[(int)(sorted.Count * 0.99)]:F1} ms, non-200 answers {failures}",
                $"stored {stored} unique events (expected {unique}); backlog processed {processed}/{stored} in {drain.Elapsed.TotalSeconds:F1} s after ingest; inbox messages {messages} (expected {unique})",
            ];
        }
    }

    private static async Task<bool> SendAsync(HttpClient http, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ringcentral/webhooks/sms") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Verification-Token", Token);
        using var response = await http.SendAsync(request, ct);
        return response.IsSuccessStatusCode;
    }
}

/// <summary>Disposes app instances in reverse order.</summary>
internal sealed class AsyncDisposables(IEnumerable<IAsyncDisposable> items) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        foreach (var item in items.Reverse())
        {
            await item.DisposeAsync();
        }
    }
}
