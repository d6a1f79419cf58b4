using HibachiAdmin.Common;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Infrastructure;

/// <summary>
/// One campaign sent by two app instances over one PostgreSQL database; one instance dies in the middle
/// of a provider call. The other finishes: every recipient gets exactly one text.
/// </summary>
[RequiresPostgres]
public sealed class TwoInstancesCampaignTests
{
    private sealed class ProcessDied : Exception;

    /// <summary>The victim's view of the shared provider: after <paramref name="dieAfter"/> texts the process dies inside the call.</summary>
    private sealed class DyingProvider(RecordingSmsProvider shared, int dieAfter) : ISmsProvider
    {
        private int _calls;
        public string Name => shared.Name;

        public Task<ProviderSendResult> SendAsync(Guid messageId, string to, string text, CancellationToken ct) =>
            Interlocked.Increment(ref _calls) > dieAfter ? throw new ProcessDied() : shared.SendAsync(messageId, to, text, ct);

        public Task<string?> FindSentAsync(Guid messageId, string to, string text, DateTime queuedAtUtc, CancellationToken ct) => shared.FindSentAsync(messageId, to, text, queuedAtUtc, ct);
    }

    private sealed class Over(TestDatabase database) : AppFactory(database, deleteDatabase: false);

    private static AppFactory Instance(TestDatabase database, ISmsProvider provider, FakeTimeProvider time) =>
        new Over(database)
        {
            Time = time,
            ConfigureTestServices = s =>
            {
                s.RemoveAll<ISmsProvider>();
                s.AddSingleton(provider);
            },
        }
        .With("Hangfire:ProcessJobs", "false")
        .With("Sms:MaxPerSecond", "0");

    [Fact]
    public async Task Two_instances_share_a_campaign_and_when_one_dies_mid_send_the_other_finishes_with_one_text_each()
    {
        const int people = 1_500;
        var database = PostgresTestDatabase.CreateNew();
        // Tuesday 11:00 in New York: everyone is inside the window. Each instance has its own clock.
        var start = new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);
        var survivorTime = new FakeTimeProvider(start);
        var victimTime = new FakeTimeProvider(start);
        var provider = new RecordingSmsProvider();
        try
        {
            await using var survivor = Instance(database, provider, survivorTime);
            var victim = Instance(database, new DyingProvider(provider, dieAfter: 400), victimTime);
            var factory = survivor.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
            await using (var db = await factory.CreateDbContextAsync())
            {
                for (var i = 0; i < people; i++)
                {
                    var contact = new Contact
                    {
                        Name = $"Guest {i}", Phone = $"+1212555{i:D4}", State = "NY", TimeZones = "America/New_York", SmsConsent = SmsConsent.OptedIn,
                        CreatedAt = start.UtcDateTime, UpdatedAt = start.UtcDateTime,
                    };
                    contact.Tags.Add(new ContactTag { ContactId = contact.Id, Tag = "party" });
                    db.Add(contact);
                }
                await db.SaveChangesAsync();
            }
            var campaigns = survivor.Services.GetRequiredService<CampaignService>();
            var campaign = await campaigns.CreateAsync(new NewCampaign("Both", "Hi {FirstName}, December dates are open!", new Audience(["party"], [], []), null), Actor.System, default);
            // Both instances press "send" at once: one start wins, the other is a no-op.
            var starts = await Task.WhenAll(
                Task.Run(() => campaigns.StartAsync(campaign.Id, default)),
                Task.Run(() => victim.Services.GetRequiredService<CampaignService>().StartAsync(campaign.Id, default)));
            Assert.Single(starts, s => s);

            async Task SendAsync(AppFactory app)
            {
                using var scope = app.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<CampaignSendJob>().RunAsync(default);
            }
            var victimRun = Task.Run(() => SendAsync(victim));
            var survivorRun = Task.Run(() => SendAsync(survivor));
            await Assert.ThrowsAsync<ProcessDied>(() => victimRun);
            await victim.DisposeAsync();
            await survivorRun;
            Assert.True(provider.Sent.Count < people, "the dead instance's claimed rows wait for their lease");

            // After the dead instance's leases (2 min) and the in-doubt age: recovery and the sender finish the work.
            survivorTime.Advance(TimeSpan.FromMinutes(3));
            using (var scope = survivor.Services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<InDoubtSmsJob>().RunAsync(default);
            }
            await SendAsync(survivor);
            survivorTime.Advance(TimeSpan.FromMinutes(3));
            await SendAsync(survivor);

            var counts = provider.Sent.GroupBy(s => s.To).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(people, counts.Count);
            Assert.All(counts, c => Assert.Equal(1, c.Value));
            var summary = (await campaigns.GetSummaryAsync(campaign.Id, default))!;
            Assert.Equal((CampaignStatus.Completed, people), (summary.Status, summary.Counts.Sent));
        }
        finally
        {
            database.Delete();
        }
    }
}
