using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Tests.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Infrastructure.Data;

/// <summary>
/// Two app instances on one PostgreSQL database, each with its own heartbeat (every 5 s): when one stops heartbeating
/// while it holds leases, the other gives them back at its first heartbeat after 30 s of silence (so within 35 s of the
/// silent instance's last beat), not before, and finishes the work exactly once. The clocks are fake and moved by the
/// test: the silent instance's clock stands still (its heartbeat timer never fires again), the live one's moves in
/// heartbeat steps.
/// </summary>
[RequiresPostgres]
public sealed class HeartbeatTakeoverOnPostgresTests
{
    private sealed record Happened(int N);

    private static AppFactory Instance(TestDatabase database, FakeTimeProvider time, IEventHandler handler)
    {
        var app = AppFactory.OverDatabase(database, deleteDatabase: false);
        app.Time = time;
        app.ConfigureTestServices = s => s.AddSingleton(handler);
        return app.With("Hangfire:ProcessJobs", "false");
    }

    [Fact]
    public async Task A_live_instance_takes_over_the_leases_of_one_silent_for_30_s_at_its_next_heartbeat_and_finishes_its_work_once()
    {
        var database = PostgresTestDatabase.CreateNew();
        var t0 = DateTimeOffset.UtcNow;
        var liveTime = new FakeTimeProvider(t0);
        var silentTime = new FakeTimeProvider(t0);
        var handler = new CommittedEffectsHandler("test.takeover");
        try
        {
            await using var live = Instance(database, liveTime, handler);
            await using var silent = Instance(database, silentTime, handler);
            var liveId = live.Services.GetRequiredService<AppInstanceIdentity>().Id;
            var silentId = silent.Services.GetRequiredService<AppInstanceIdentity>().Id;
            var factory = live.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
            await using (var db = await factory.CreateDbContextAsync())
            {
                Assert.Equal(2, await db.Set<AppInstance>().CountAsync(i => i.Id == liveId || i.Id == silentId));
            }

            // 300 events; the silent instance holds 100 of them and 20 stored notifications under ten-minute leases.
            var store = live.Services.GetRequiredService<EventStore>();
            for (var s = 0; s < 3; s++)
            {
                await using var db = await factory.CreateDbContextAsync();
                store.Append(db, Guid.NewGuid(), "test", 0, Enumerable.Range(0, 100).Select(i => ("test.happened.v1", (object)new Happened(i))), new EventMetadata("tester", Guid.NewGuid()));
                await EventStore.SaveAsync(db, Guid.Empty, 0, default);
            }
            var owner = silent.Services.GetRequiredService<AppInstanceIdentity>().NewOwner();
            var until = t0.UtcDateTime.AddMinutes(10);
            await using (var db = await factory.CreateDbContextAsync())
            {
                var held = await db.Set<OutboxEntry>().OrderBy(o => o.Id).Take(100).Select(o => o.Id).ToListAsync();
                Assert.Equal(100, await db.Set<OutboxEntry>().Where(o => held.Contains(o.Id))
                    .ExecuteUpdateAsync(u => u.SetProperty(o => o.LockedBy, owner).SetProperty(o => o.LockedUntil, until)));
                for (var i = 0; i < 20; i++)
                {
                    db.Add(new InboundEvent
                    {
                        Id = Guid.NewGuid(), Provider = "takeover-test", ExternalId = $"takeover-{i}-{Guid.NewGuid():N}", Channel = "sms", Payload = "{}",
                        ReceivedAt = t0.UtcDateTime, LockedBy = owner, LockedUntil = until,
                    });
                }
                await db.SaveChangesAsync();
            }

            var dispatcher = live.Services.GetRequiredService<OutboxDispatcher>();
            await DrainAsync(dispatcher);
            Assert.Equal(200, handler.Committed.Count);

            // Heartbeats at 5, 10, … 30 s of silence: the silent instance is still taken for alive.
            for (var step = 1; step <= 6; step++)
            {
                await BeatAsync(live, liveTime, liveId);
                Assert.Equal(120, await HeldAsync(factory, silentId));
            }
            await using (var db = await factory.CreateDbContextAsync())
            {
                Assert.True(await db.Set<AppInstance>().AnyAsync(i => i.Id == silentId));
            }

            // The heartbeat at 35 s: over 30 s of silence, so its leases go back (inbound events and outbox rows alike).
            await BeatAsync(live, liveTime, liveId);
            await Eventually.UntilAsync(async () => await HeldAsync(factory, silentId) == 0, "the silent instance's leases given back at the 35 s heartbeat");
            await using (var db = await factory.CreateDbContextAsync())
            {
                Assert.False(await db.Set<AppInstance>().AnyAsync(i => i.Id == silentId));
                Assert.Equal(20, await db.Set<InboundEvent>().CountAsync(e => e.Provider == "takeover-test" && e.LockedBy == null));
            }
            await DrainAsync(dispatcher);
            Assert.Equal(300, handler.Committed.Count);
            Assert.All(handler.Committed.Values, n => Assert.Equal(1, n));
        }
        finally
        {
            database.Delete();
        }
    }

    /// <summary>Moves the live clock one heartbeat on and waits until that beat is recorded.</summary>
    private static async Task BeatAsync(AppFactory app, FakeTimeProvider time, string id)
    {
        time.Advance(LeaseRecovery.HeartbeatEvery);
        var expected = time.GetUtcNow().UtcDateTime;
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await Eventually.UntilAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return await db.Set<AppInstance>().AnyAsync(i => i.Id == id && i.HeartbeatAt >= expected);
        }, $"the live instance's heartbeat at {expected:HH:mm:ss}");
    }

    private static async Task<int> HeldAsync(IDbContextFactory<AppDbContext> factory, string instanceId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var prefix = AppInstanceIdentity.OwnerPrefix(instanceId);
        return await db.Set<OutboxEntry>().CountAsync(o => o.LockedBy != null && o.LockedBy.StartsWith(prefix))
            + await db.Set<InboundEvent>().CountAsync(e => e.LockedBy != null && e.LockedBy.StartsWith(prefix));
    }

    private static async Task DrainAsync(OutboxDispatcher dispatcher)
    {
        while ((await dispatcher.DispatchBatchAsync(100, default)).Claimed > 0)
        {
        }
    }
}
