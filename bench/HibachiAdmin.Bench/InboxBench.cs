using System.Diagnostics;
using System.Security.Claims;
using Bunit;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace HibachiAdmin.Bench;

/// <summary>
/// The inbox at 10,000 threads and 100,000 messages (SQLite): the first page of the thread list (all,
/// open only, a channel, a search), opening a thread, and the memory an open inbox holds per circuit
/// (page + conversation rendered, measured as retained managed heap per rendered inbox).
/// </summary>
public sealed class InboxBench : IBench
{
    public string Name => "inbox";

    private const int Threads = 10_000;
    private const int MessagesPerThread = 10;

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        var dbPath = Path.Combine(Path.GetTempPath(), $"hibachi-inbox-{Guid.NewGuid():N}.db");
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Default", $"Data Source={dbPath}");
            b.UseSetting("Bootstrap:AdminEmail", "bench@hibachi.local");
            b.UseSetting("Bootstrap:AdminPassword", "benchmark pass phrase");
            b.UseSetting("Hangfire:ProcessJobs", "false");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        var services = app.Services;
        var seed = Stopwatch.StartNew();
        var ids = await SeedAsync(services, ct);
        var seedSeconds = seed.Elapsed.TotalSeconds;
        var inbox = services.GetRequiredService<InboxQueries>();
        var statistics = services.GetRequiredService<InboxStatistics>();

        async Task<List<double>> TimeAsync(Func<Task> run, int times = 30)
        {
            await run(); // warm-up: JIT and query compilation
            var list = new List<double>();
            for (var i = 0; i < times; i++)
            {
                var sw = Stopwatch.StartNew();
                await run();
                list.Add(sw.Elapsed.TotalMilliseconds);
            }
            return list;
        }

        var first = await TimeAsync(() => inbox.ListAsync(new ThreadQuery(PageSize: 50), ct));
        var open = await TimeAsync(() => inbox.ListAsync(new ThreadQuery(Status: ThreadStatus.Open, PageSize: 50), ct));
        var channel = await TimeAsync(() => inbox.ListAsync(new ThreadQuery(Platform: Platform.Instagram, Status: ThreadStatus.Open, PageSize: 50), ct));
        var search = await TimeAsync(() => inbox.ListAsync(new ThreadQuery(Search: "guest 7123", PageSize: 50), ct), 10);
        var random = new Random(3);
        var openThread = await TimeAsync(() => inbox.GetAsync(ids[random.Next(ids.Count)], markRead: false, ct));
        var waiting = await TimeAsync(() => statistics.CountWaitingThreadsAsync(ct));

        // Memory per open inbox: render the page with a conversation open N times and keep them all alive;
        // the baseline is the same number of bUnit renderers with MudBlazor's services and nothing rendered.
        const int circuits = 20;
        using var scope = services.CreateScope();
        var baseline = await RetainedPerContextAsync(circuits, scope.ServiceProvider, null);
        var renderTimes = new List<double>();
        var perCircuit = await RetainedPerContextAsync(circuits, scope.ServiceProvider, renderTimes) - baseline;

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(dbPath + suffix);
        }
        return
        [
            $"{Threads:N0} threads, {Threads * MessagesPerThread:N0} messages (seeded in {seedSeconds:F1} s), SQLite, server time in InboxQueries / InboxStatistics:",
            $"first page (50, latest first): median {Median(first):F1} ms, p95 {Percentile(first, 0.95):F1} ms",
            $"first page, open only: median {Median(open):F1} ms, p95 {Percentile(open, 0.95):F1} ms; Instagram + open: median {Median(channel):F1} ms, p95 {Percentile(channel, 0.95):F1} ms",
            $"search (name or preview contains): median {Median(search):F1} ms, p95 {Percentile(search, 0.95):F1} ms",
            $"thread open (10 messages, notes, delivery marks): median {Median(openThread):F1} ms, p95 {Percentile(openThread, 0.95):F1} ms; waiting badge count: median {Median(waiting):F1} ms",
            $"inbox page with a conversation open (bUnit render, data included): median {Median(renderTimes):F0} ms; retained managed memory per open inbox: {perCircuit:F0} KiB above an empty renderer with MudBlazor services ({baseline:F0} KiB; {circuits} of each kept alive)",
        ];

        async Task<double> RetainedPerContextAsync(int count, IServiceProvider fallback, List<double>? times)
        {
            var contexts = new List<BunitContext>();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            for (var i = 0; i < count; i++)
            {
                var ctx = NewContext(fallback);
                contexts.Add(ctx);
                if (times is null)
                {
                    continue;
                }
                var sw = Stopwatch.StartNew();
                var id = ids[i];
                var cut = ctx.Render<InboxPage>(p => p.Add(x => x.ThreadId, id));
                cut.WaitForState(() => cut.FindAll("[data-testid=thread-view]").Count == 1, TimeSpan.FromSeconds(30));
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var after = GC.GetTotalMemory(forceFullCollection: true);
            foreach (var ctx in contexts)
            {
                await ctx.DisposeAsync();
            }
            return (after - before) / (double)count / 1024.0;
        }
    }

    private static BunitContext NewContext(IServiceProvider fallback)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("bench@hibachi.local");
        auth.SetRoles(Roles.All);
        auth.SetPolicies(Policies.Admin, Policies.ManagerPlus, Policies.MarketingPlus, Policies.StaffPlus);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "bench"));
        ctx.Services.AddFallbackServiceProvider(fallback);
        ctx.Render<MudPopoverProvider>();
        return ctx;
    }

    private static async Task<List<Guid>> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var random = new Random(11);
        var now = DateTime.UtcNow;
        var ids = new List<Guid>(Threads);
        for (var batch = 0; batch < Threads / 1000; batch++)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = batch * 1000; i < (batch + 1) * 1000; i++)
            {
                var platform = (Platform)(i % 3);
                var last = now.AddMinutes(-random.Next(0, 60 * 24 * 90));
                var thread = new ConversationThread
                {
                    Platform = platform, ExternalId = platform == Platform.Sms ? $"+1212{5000000 + i:D7}" : $"{1780000000000000 + i}", Title = $"Guest {i}",
                    Status = (ThreadStatus)(i % 4), CreatedAt = last.AddDays(-3), LastMessageAt = last, UnreadCount = i % 5 == 0 ? 1 : 0,
                    LastInboundAt = last, WaitingSince = i % 5 == 0 ? last : null,
                };
                ids.Add(thread.Id);
                db.Add(thread);
                for (var m = 0; m < MessagesPerThread; m++)
                {
                    var inbound = m % 2 == 0;
                    var text = inbound ? $"Hi, is {m + 1} Dec open for {10 + m} guests?" : "Yes! $60 per adult, 10 guest minimum.";
                    db.Add(new ConversationMessage
                    {
                        ThreadId = thread.Id, Direction = inbound ? MessageDirection.Inbound : MessageDirection.Outbound, Text = text,
                        ExternalId = $"bench-{i}-{m}", At = last.AddMinutes(m - MessagesPerThread), Status = inbound ? null : MessageStatus.Delivered,
                    });
                    if (m == MessagesPerThread - 1)
                    {
                        thread.LastMessagePreview = text;
                    }
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
        return ids;
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
    }
}
