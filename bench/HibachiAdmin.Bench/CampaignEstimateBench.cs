using System.Diagnostics;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Bench;

/// <summary>Campaign estimate + per-recipient preview over 50,000 contacts (target: under 1 s).</summary>
public sealed class CampaignEstimateBench : IBench
{
    public string Name => "campaign-estimate";

    private static long RefreshedRss(Process process)
    {
        process.Refresh();
        return process.WorkingSet64 / 1_048_576;
    }

    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken ct)
    {
        const int total = 50_000;
        var dbPath = Path.Combine(Path.GetTempPath(), $"hibachi-estimate-bench-{Guid.NewGuid():N}.db");
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Default", $"Data Source={dbPath}");
            b.UseSetting("Bootstrap:AdminEmail", "bench@hibachi.local");
            b.UseSetting("Bootstrap:AdminPassword", "benchmark pass phrase");
            b.UseSetting("Logging:LogLevel:Default", "Error");
            b.UseSetting("Hangfire:ProcessJobs", "false");
        });
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var phones = app.Services.GetRequiredService<Phones>();
        string[] areaCodes = ["212", "305", "405", "210", "415", "907", "602", "312"];
        var now = DateTime.UtcNow;
        for (var chunk = 0; chunk < total; chunk += 5000)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            for (var i = chunk; i < chunk + 5000; i++)
            {
                var parsed = phones.Parse($"+1{areaCodes[i % areaCodes.Length]}555{i % 10000:D4}")!;
                var contact = new Contact
                {
                    Name = $"Guest {i}", Phone = $"+1{areaCodes[i % areaCodes.Length]}{i / 10000 + 200:D3}{i % 10000:D4}", State = parsed.State,
                    TimeZones = string.Join(',', parsed.TimeZones), SmsConsent = (SmsConsent)(i % 3), CreatedAt = now, UpdatedAt = now,
                };
                contact.Tags.Add(new ContactTag { ContactId = contact.Id, Tag = i % 2 == 0 ? "vip" : "newsletter" });
                db.Add(contact);
            }
            await db.SaveChangesAsync(ct);
        }
        var planner = app.Services.GetRequiredService<CampaignPlanner>();
        var lines = new List<string>();
        var audience = new Audience(["vip", "newsletter"], [], []);
        var process = Process.GetCurrentProcess();
        for (var run = 0; run < 3; run++)
        {
            var sw = Stopwatch.StartNew();
            var plan = await planner.PlanAsync("Hi {FirstName|there}! Book your December hibachi party now, 10% off before Friday.", audience, new DateTime(2026, 12, 1, 18, 0, 0, DateTimeKind.Utc), ct);
            process.Refresh();
            var total_ = sw.ElapsedMilliseconds;
            sw.Restart();
            await app.Services.GetRequiredService<ContactService>().GetAudienceAsync(audience.IncludeTags, audience.ExcludeTags, audience.ContactIds, ct);
            var query = sw.ElapsedMilliseconds;
            lines.Add($"run {run + 1}: {plan.Estimate.Recipients:N0} recipients judged in {total_} ms (the audience query alone: {query} ms) ({plan.Estimate.Eligible:N0} eligible, held {string.Join(", ", plan.Estimate.Held.Select(kv => $"{kv.Key} {kv.Value:N0}"))}, ${plan.Estimate.EstimatedCost:N2}); RSS {RefreshedRss(process)} MB");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(dbPath + suffix);
        }
        return lines;
    }
}
