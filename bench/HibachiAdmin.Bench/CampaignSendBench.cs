using System.Diagnostics;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HibachiAdmin.Bench;

/// <summary>
/// The campaign send pipeline: 50,000 opted-in recipients, throttle off, a provider that answers at once.
/// Reports texts per second through the whole pipeline (claim, rules at the moment of sending, consent
/// re-read, queued rows, provider, answers, delivery rows) against a bare baseline in the same run (the
/// same 50,000 message rows inserted in 500-row transactions, nothing else), and memory while sending.
/// </summary>
public sealed class CampaignSendBench : IBench
{
    public string Name => "campaign-send";

    /// <summary>A provider with no latency that keeps nothing (what the pipeline costs by itself).</summary>
    private sealed class InstantProvider : ISmsProvider
    {
        public int Count;
        public string Name => "instant";

        public Task<ProviderSendResult> SendAsync(Guid messageId, string to, string text, CancellationToken ct)
        {
            Interlocked.Increment(ref Count);
            return Task.FromResult(new ProviderSendResult(true, messageId.ToString("N"), null));
        }

        public Task<string?> FindSentAsync(Guid messageId, string to, string text, DateTime queuedAtUtc, CancellationToken ct) => Task.FromResult<string?>(null);
    }

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        const int total = 50_000;
        var lines = new List<string>();
        var provider = new InstantProvider();
        await using var database = BenchDatabase.Create("campaign-send");
        await using var app = database.NewInstance(
            b => b.UseSetting("Hangfire:ProcessJobs", "false").UseSetting("Sms:MaxPerSecond", "0"),
            s =>
            {
                s.RemoveAll<ISmsProvider>();
                s.AddSingleton<ISmsProvider>(provider);
                s.RemoveAll<TimeProvider>();
                s.AddSingleton<TimeProvider>(new WeekdayMorning());
            });
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await BenchContacts.SeedOptedInAsync(app, total, "party", ct);
        var now = DateTime.UtcNow;

        // Baseline: the same number of message rows, inserted and nothing else.
        var baseline = Stopwatch.StartNew();
        for (var chunk = 0; chunk < total; chunk += 500)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            for (var i = chunk; i < chunk + 500; i++)
            {
                db.Add(new OutboundMessage { To = $"+1555000{i % 10000:D4}", Text = "baseline", Purpose = SmsPurpose.Conversational, Status = OutboundStatus.Queued, CreatedAt = now, UpdatedAt = now, Provider = "baseline" });
            }
            await db.SaveChangesAsync(ct);
        }
        baseline.Stop();
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            await db.Set<OutboundMessage>().Where(m => m.Provider == "baseline").ExecuteDeleteAsync(ct);
        }

        var campaigns = app.Services.GetRequiredService<CampaignService>();
        var campaign = await campaigns.CreateAsync(new NewCampaign("Bench", "Hi {FirstName|there}! December hibachi dates are open, 10% off before Friday.", new Audience(["party"], [], []), null), Actor.System, ct);
        var start = Stopwatch.StartNew();
        await campaigns.StartAsync(campaign.Id, ct);
        var started = start.Elapsed;

        var process = Process.GetCurrentProcess();
        long peakWorkingSet = 0, peakHeap = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                try { await Task.Delay(50, sampling.Token); } catch (OperationCanceledException) { }
            }
        }, CancellationToken.None);
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var send = Stopwatch.StartNew();
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<CampaignSendJob>().RunAsync(ct);
        }
        send.Stop();
        var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        await sampling.CancelAsync();
        await sampler;

        var summary = (await campaigns.GetSummaryAsync(campaign.Id, ct))!;
        var pipeline = provider.Count / send.Elapsed.TotalSeconds;
        var bare = total / baseline.Elapsed.TotalSeconds;
        lines.Add($"{database.Describe()}: {provider.Count:N0} texts sent in {send.Elapsed.TotalSeconds:F1} s = {pipeline:N0}/s through the whole pipeline " +
                  $"(start writing {summary.Counts.Recipients:N0} delivery rows: {started.TotalSeconds:F1} s; status {summary.Status}, {summary.Counts.Sent:N0} sent)");
        lines.Add($"baseline, same run: {total:N0} message rows inserted alone in 500-row transactions in {baseline.Elapsed.TotalSeconds:F1} s = {bare:N0}/s; pipeline/baseline = {pipeline / bare:F2}");
        lines.Add($"memory while sending: peak working set {peakWorkingSet / 1_048_576} MB, peak managed heap {peakHeap / 1_048_576} MB, {allocated / 1_048_576:N0} MB allocated in total ({allocated / Math.Max(1, provider.Count) / 1024.0:F1} KB per text)");
        return lines;
    }
}
