using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HibachiAdmin.Bench;

/// <summary>
/// Webhook ingest latency while a 50,000-recipient campaign starts (issue 23: "webhook ingest p99 under 50 ms while a
/// 50,000-person campaign starts"). RingCentral SMS notifications are posted over real HTTP (Kestrel on loopback) by a
/// few steady senders, first with nothing else happening (the bare baseline, same run, same duration as the start
/// took), then while <c>CampaignService.StartAsync</c> writes the 50,000 delivery rows (2,000-row transactions on SQLite).
/// Processing is off in both phases (Hangfire:ProcessJobs=false), so the figures are the webhook's own answer: verify,
/// store (group commit), 200. Rounds alternate start and bare, each with a new campaign over the same audience.
/// </summary>
public sealed class WebhookDuringStartBench : IBench
{
    private const string Token = "bench-verification-token";
    private const int Recipients = 50_000;

    public string Name => "webhook-during-start";

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        var senders = int.TryParse(Environment.GetEnvironmentVariable("BENCH_SENDERS"), out var s0) ? s0 : 8;
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_ROUNDS"), out var r0) ? r0 : 3;
        await using var database = BenchDatabase.Create(Name);
        const int port = 5320;
        await using var app = database.NewInstance(
            b => b.UseUrls($"http://127.0.0.1:{port}").UseSetting("RingCentral:VerificationToken", Token).UseSetting("Hangfire:ProcessJobs", "false"),
            s =>
            {
                s.RemoveAll<TimeProvider>();
                s.AddSingleton<TimeProvider>(new WeekdayMorning());
            });
        app.UseKestrel(port);
        app.StartServer();
        await BenchContacts.SeedOptedInAsync(app, Recipients, "party", ct);
        var template = await File.ReadAllTextAsync(Path.Combine(StartupBench.RepoRoot(), "HibachiAdmin.Tests", "Fixtures", "ringcentral-inbound-sms.json"), ct);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = app.ClientOptions.BaseAddress };
        var sequence = 0;
        string Next()
        {
            var n = Interlocked.Increment(ref sequence);
            return template.Replace("5f1c0a3e-8b2d-4c1e-9f7a-2d6b1e0c4a11", $"during-{n:D7}", StringComparison.Ordinal)
                .Replace("1740001234016", $"7{n:D12}", StringComparison.Ordinal)
                .Replace("+13055550123", $"+1646555{n % 10_000:D4}", StringComparison.Ordinal);
        }
        // Warm-up: JIT of the webhook path, outside the measurement.
        await PostAsync(http, Next(), ct);
        var campaigns = app.Services.GetRequiredService<CampaignService>();
        for (var w = 0; w < 200; w++)
        {
            await PostAsync(http, Next(), ct);
        }

        var lines = new List<string>();
        var allBare = new List<double>();
        var allDuring = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var campaign = await campaigns.CreateAsync(new NewCampaign($"Bench {round}", "Hi {FirstName|there}! December hibachi dates are open.", new Audience(["party"], [], []), null), Actor.System, ct);
            var (during, startSeconds, duringFailures) = await MeasureAsync(http, Next, senders, () => campaigns.StartAsync(campaign.Id, ct), ct);
            var (bare, _, bareFailures) = await MeasureAsync(http, Next, senders, () => Task.Delay(TimeSpan.FromSeconds(startSeconds), ct), ct);
            await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct))
            {
                var rows = await db.Set<CampaignDelivery>().CountAsync(d => d.CampaignId == campaign.Id, ct);
                lines.Add($"round {round}: start wrote {rows:N0} delivery rows in {startSeconds:F1} s; webhooks during it: {Describe(during)}, non-200 {duringFailures}; bare, same duration: {Describe(bare)}, non-200 {bareFailures}");
            }
            allBare.AddRange(bare);
            allDuring.AddRange(during);
        }
        lines.Insert(0, $"{database.Describe()}, {senders} steady senders, {rounds} rounds: during a {Recipients:N0}-recipient start {Describe(allDuring)}; bare baseline {Describe(allBare)}");
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct))
        {
            var stored = await db.Set<InboundEvent>().CountAsync(e => e.ExternalId.StartsWith("during-"), ct);
            lines.Add($"every accepted notification stored: {stored:N0} of {sequence:N0} posted");
        }
        return lines;
    }

    /// <summary>Posts notifications from <paramref name="senders"/> loops for as long as <paramref name="work"/> runs.</summary>
    private static async Task<(List<double> Latencies, double Seconds, int Failures)> MeasureAsync(HttpClient http, Func<string> next, int senders, Func<Task> work, CancellationToken ct)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        using var stop = new CancellationTokenSource();
        var loops = Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var t = Stopwatch.GetTimestamp();
                var ok = await PostAsync(http, next(), ct);
                latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }, CancellationToken.None)).ToArray();
        var sw = Stopwatch.StartNew();
        await work();
        var seconds = sw.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(loops);
        return ([.. latencies], seconds, failures);
    }

    private static string Describe(List<double> latencies)
    {
        var sorted = latencies.Order().ToList();
        return sorted.Count == 0
            ? "no requests"
            : $"{sorted.Count:N0} requests, p50 {sorted[sorted.Count / 2]:F1} ms, p99 {sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * 0.99))]:F1} ms, max {sorted[^1]:F1} ms";
    }

    private static async Task<bool> PostAsync(HttpClient http, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ringcentral/webhooks/sms") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Verification-Token", Token);
        using var response = await http.SendAsync(request, ct);
        return response.IsSuccessStatusCode;
    }
}
