using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Tests.Features.Messaging;
using HibachiAdmin.Tests.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Infrastructure.Data;

/// <summary>
/// Work held by a dead process resumes within seconds, not when its leases run out: on SQLite a start gives back
/// every lease at once (inbound events, outbox rows, campaign rows); with several instances a live one takes over
/// the leases of an instance silent for more than 30 s, and only those.
/// </summary>
public sealed class LeaseRecoveryTests
{
    // 10:00 in New York: no campaign text is held for quiet hours.
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);
    private const string Dead = "dead-host-0123456789ab";

    private static AppFactory Host(TestDatabase database, bool deleteDatabase, RecordingSmsProvider provider, FakeTimeProvider time, bool processJobs) =>
        ConfigureHost(AppFactory.OverDatabase(database, deleteDatabase), provider, time, processJobs);

    private static AppFactory ConfigureHost(AppFactory app, RecordingSmsProvider provider, FakeTimeProvider time, bool processJobs)
    {
        app.Time = time;
        app.ConfigureTestServices = s =>
        {
            s.RemoveAll<ISmsProvider>();
            s.AddSingleton<ISmsProvider>(provider);
        };
        return app.With("RingCentral:VerificationToken", "status-sync-token").With("Hangfire:ProcessJobs", processJobs ? "true" : "false")
            .With("Sms:MaxPerSecond", "0");
    }

    private static string Phone(int i) => $"+1212555{4000 + i:D4}";

    [Fact]
    public async Task A_start_on_SQLite_gives_back_every_lease_of_the_dead_run_at_once_and_its_work_finishes_in_seconds()
    {
        var database = SqliteTestDatabase.CreateNew();
        var time = new FakeTimeProvider(Start);
        var first = new RecordingSmsProvider();
        Guid campaignId;
        await using (var app = Host(database, deleteDatabase: false, first, time, processJobs: false))
        {
            var client = app.CreateClient();
            for (var i = 0; i < 30; i++)
            {
                await PersonConsent.CreateAsync(app.Services, new CreateContactRequest($"Stopper {i}", Phone(i), SmsConsent: SmsConsent.OptedIn));
            }
            for (var i = 30; i < 40; i++)
            {
                await PersonConsent.CreateAsync(app.Services, new CreateContactRequest($"Guest {i}", Phone(i), Tags: ["winter"], SmsConsent: SmsConsent.OptedIn));
            }
            // Ten STOPs processed (their confirmations wait in the outbox), twenty more stored but not processed.
            for (var i = 0; i < 10; i++)
            {
                await StatusSyncTests.PostAsync(client, ExactlyOnceTests.Sms(Phone(i), "STOP", Start, i));
            }
            using (var scope = app.Services.CreateScope())
            {
                Assert.Equal(10, await scope.ServiceProvider.GetRequiredService<ProcessInboundEventJob>().DrainAsync(default));
            }
            for (var i = 10; i < 30; i++)
            {
                await StatusSyncTests.PostAsync(client, ExactlyOnceTests.Sms(Phone(i), "STOP", Start, i));
            }
            var campaigns = app.Services.GetRequiredService<CampaignService>();
            campaignId = (await campaigns.CreateAsync(new NewCampaign("Winter dates", "Winter hibachi dates are open!", new Audience(["winter"], [], []), null), Actor.System, default)).Id;
            Assert.True(await campaigns.StartAsync(campaignId, default));

            // The process dies holding all of it: leases running 10 more minutes.
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var until = Start.UtcDateTime.AddMinutes(10);
            var owner = AppInstanceIdentity.OwnerPrefix(Dead) + "claim";
            Assert.Equal(20, await db.Set<InboundEvent>().Where(e => e.ProcessedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.LockedBy, owner).SetProperty(e => e.LockedUntil, until)));
            Assert.True(await db.Set<OutboxEntry>().Where(o => o.DispatchedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.LockedBy, owner).SetProperty(o => o.LockedUntil, until)) >= 10);
            Assert.Equal(10, await db.Set<CampaignDelivery>().Where(d => d.CampaignId == campaignId)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DeliveryStatus.Sending).SetProperty(d => d.LockedBy, owner).SetProperty(d => d.LockedUntil, until)));
        }
        Assert.Empty(first.Sent);

        // A restart at the same instant: nothing may wait for the dead run's leases.
        var second = new RecordingSmsProvider();
        await using var restarted = Host(database, deleteDatabase: true, second, time, processJobs: true);
        var services = restarted.Services;
        var contacts = services.GetRequiredService<ContactService>();
        await Eventually.UntilAsync(async () =>
        {
            for (var i = 0; i < 30; i++)
            {
                if (second.CountTo(Phone(i)) == 0)
                {
                    return false;
                }
            }
            for (var i = 30; i < 40; i++)
            {
                if (second.CountTo(Phone(i)) == 0)
                {
                    return false;
                }
            }
            return true;
        }, "every STOP confirmed and every campaign text sent", TimeSpan.FromSeconds(30));
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(SmsConsent.OptedOut, (await contacts.GetSummaryByPhoneAsync(Phone(i), default))!.SmsConsent);
        }
        await Eventually.UntilAsync(() => Pipeline.IsIdleAsync(services), "the pipeline to be idle");
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(1, second.CountTo(Phone(i))); // exactly once each
        }
        await using var check = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.False(await check.Set<InboundEvent>().AnyAsync(e => e.LockedBy != null && e.LockedBy.StartsWith(Dead)));
        Assert.False(await check.Set<OutboxEntry>().AnyAsync(o => o.LockedBy != null && o.LockedBy.StartsWith(Dead)));
        Assert.Equal(10, await check.Set<CampaignDelivery>().CountAsync(d => d.CampaignId == campaignId && d.Status == DeliveryStatus.Sent));
    }

    [Fact]
    public async Task A_live_instance_takes_over_the_leases_of_an_instance_silent_for_30_s_and_only_those()
    {
        var time = new FakeTimeProvider(Start);
        await using var app = ConfigureHost(new AppFactory(), new RecordingSmsProvider(), time, processJobs: false);
        var services = app.Services;
        var recovery = services.GetRequiredService<LeaseRecovery>();
        var now = Start.UtcDateTime;
        const string Alive = "alive-host-ba9876543210";
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.Add(new AppInstance { Id = Dead, StartedAt = now.AddMinutes(-5), HeartbeatAt = now.AddSeconds(-31) });
            db.Add(new AppInstance { Id = Alive, StartedAt = now.AddMinutes(-5), HeartbeatAt = now.AddSeconds(-25) });
            for (var i = 0; i < 6; i++)
            {
                var owner = i % 2 == 0 ? $"{Dead}:claim{i}" : $"{Alive}:claim{i}";
                db.Add(new InboundEvent
                {
                    Id = Guid.CreateVersion7(), Provider = "ringcentral", ExternalId = $"held-{i}", Channel = "sms", Payload = "{}", ReceivedAt = now,
                    LockedBy = owner, LockedUntil = now.AddMinutes(10),
                });
            }
            // An owner that only starts like the dead instance's id is someone else's.
            db.Add(new InboundEvent
            {
                Id = Guid.CreateVersion7(), Provider = "ringcentral", ExternalId = "held-lookalike", Channel = "sms", Payload = "{}", ReceivedAt = now,
                LockedBy = $"{Dead}x:claim", LockedUntil = now.AddMinutes(10),
            });
            await db.SaveChangesAsync();
        }

        Assert.Equal(3, await recovery.TakeOverSilentAsync(default));
        Assert.Equal(0, await recovery.TakeOverSilentAsync(default)); // once

        await using var check = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var held = await check.Set<InboundEvent>().AsNoTracking().Where(e => e.ExternalId.StartsWith("held-")).ToDictionaryAsync(e => e.ExternalId);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(i % 2 == 1, held[$"held-{i}"].LockedBy is not null);
            Assert.Equal(i % 2 == 1, held[$"held-{i}"].LockedUntil is not null);
        }
        Assert.NotNull(held["held-lookalike"].LockedBy);
        var instances = await check.Set<AppInstance>().AsNoTracking().Select(i => i.Id).ToListAsync();
        Assert.DoesNotContain(Dead, instances);
        Assert.Contains(Alive, instances);

        // Five more seconds of silence and the other instance is dead too.
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(3, await recovery.TakeOverSilentAsync(default));
    }

    [Fact]
    public async Task A_heartbeat_keeps_this_instance_alive_and_registers_it_again_after_it_was_taken_for_dead()
    {
        var time = new FakeTimeProvider(Start);
        await using var app = ConfigureHost(new AppFactory(), new RecordingSmsProvider(), time, processJobs: false);
        var services = app.Services;
        var recovery = services.GetRequiredService<LeaseRecovery>();
        var me = services.GetRequiredService<AppInstanceIdentity>().Id;
        await recovery.BeatAsync(default);
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(Start.UtcDateTime, (await db.Set<AppInstance>().AsNoTracking().SingleAsync(i => i.Id == me)).HeartbeatAt);
        time.Advance(TimeSpan.FromSeconds(5));
        await recovery.BeatAsync(default);
        Assert.Equal(Start.UtcDateTime.AddSeconds(5), (await db.Set<AppInstance>().AsNoTracking().SingleAsync(i => i.Id == me)).HeartbeatAt);
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await recovery.TakeOverSilentAsync(default)); // never itself
        Assert.True(await db.Set<AppInstance>().AnyAsync(i => i.Id == me));
    }
}
