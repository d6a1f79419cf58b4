using System.Diagnostics;
using Bunit;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace HibachiAdmin.Bench;

/// <summary>Lead board with 2,000 leads: the board query and the board component's render.</summary>
public sealed class LeadBoardBench : IBench
{
    public string Name => "lead-board";

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        var dbPath = Path.Combine(Path.GetTempPath(), $"hibachi-board-{Guid.NewGuid():N}.db");
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Default", $"Data Source={dbPath}");
            b.UseSetting("Bootstrap:AdminEmail", "bench@hibachi.local");
            b.UseSetting("Bootstrap:AdminPassword", "benchmark pass phrase");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        var services = app.Services;
        await SeedAsync(services, 2000, ct);
        var leads = services.GetRequiredService<LeadService>();

        await leads.GetBoardAsync(new BoardFilter(), ct); // warm-up: JIT and query compilation
        var queryTimes = new List<double>();
        LeadBoard board = default!;
        for (var i = 0; i < 20; i++)
        {
            var sw = Stopwatch.StartNew();
            board = await leads.GetBoardAsync(new BoardFilter(), ct);
            queryTimes.Add(sw.Elapsed.TotalMilliseconds);
        }

        var renderTimes = new List<double>();
        double first = 0;
        for (var i = 0; i < 11; i++)
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices();
            ctx.Render<MudPopoverProvider>();
            var sw = Stopwatch.StartNew();
            var cut = ctx.Render<LeadBoardView>(p => p.Add(x => x.Board, board));
            _ = cut.Markup.Length;
            if (i == 0)
            {
                first = sw.Elapsed.TotalMilliseconds;
            }
            else
            {
                renderTimes.Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        var cards = board.Columns.Sum(c => c.Cards.Count);
        var total = board.Columns.Sum(c => c.Count);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(dbPath + suffix);
        }
        return
        [
            $"{total} leads ({cards} cards on the board: the 100 most urgent or latest per column): board query median {Median(queryTimes):F1} ms, p95 {Percentile(queryTimes, 0.95):F1} ms (SQLite)",
            $"board component render (bUnit, server-side render tree + markup): first {first:F0} ms, median of 10 {Median(renderTimes):F0} ms",
        ];
    }

    private static async Task SeedAsync(IServiceProvider services, int count, CancellationToken ct)
    {
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        var random = new Random(7);
        var statuses = Enum.GetValues<LeadStatus>();
        var now = DateTime.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var contact = new Contact { Name = $"Guest {i}", Phone = $"+1212{5550000 + i:D7}", CreatedAt = now, UpdatedAt = now };
            db.Add(contact);
            db.Add(new Lead
            {
                ContactId = contact.Id,
                Source = (LeadSource)(i % 8),
                Status = statuses[random.Next(statuses.Length)],
                EventDate = random.Next(5) == 0 ? null : DateOnly.FromDateTime(now).AddDays(random.Next(-30, 180)),
                GuestCount = random.Next(10, 80),
                Occasion = "Birthday",
                EstimatedValue = random.Next(600, 5000),
                CreatedAt = now.AddDays(-random.Next(0, 90)),
                UpdatedAt = now,
                StatusChangedAt = now.AddDays(-random.Next(0, 90)),
            });
        }
        await db.SaveChangesAsync(ct);
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
    }
}
