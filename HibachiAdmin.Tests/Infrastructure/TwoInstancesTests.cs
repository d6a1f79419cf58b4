using System.Collections.Concurrent;
using System.Net;
using System.Text;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Infrastructure;

/// <summary>Counts effects that committed together with the handler's processed-message row.</summary>
public sealed class CommittedEffectsHandler(string name) : IEventHandler
{
    public ConcurrentDictionary<Guid, int> Committed { get; } = new();

    public string Name => name;

    public bool Handles(string eventType) => eventType.StartsWith("test.", StringComparison.Ordinal);

    public Task HandleAsync(OutboxEntry entry, AppDbContext db, CancellationToken ct)
    {
        // The effect counts only if the dispatcher's SaveChanges (this event's processed-message row) commits.
        db.SavedChanges += (_, _) => Committed.AddOrUpdate(entry.EventId, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Two app instances over one PostgreSQL database (and one Hangfire PostgreSQL storage), as in
/// production behind a load balancer: the work is shared and nothing is done twice, and when one
/// instance dies the other finishes.
/// </summary>
[RequiresPostgres]
public sealed class TwoInstancesTests
{
    private const string Token = "two-instances-token";
    private sealed record Happened(int N);

    private static AppFactory Instance(TestDatabase database, Action<IServiceCollection>? services = null, FakeTimeProvider? time = null) =>
        new AppFactoryOver(database)
        {
            ConfigureTestServices = services,
            Time = time,
        }
        .With("Hangfire:Storage", "Postgres")
        .With("Hangfire:WorkerCount", "3")
        .With("Hangfire:InboundWorkerCount", "2")
        .With("RingCentral:VerificationToken", Token);

    private sealed class AppFactoryOver(TestDatabase database) : AppFactory(database, deleteDatabase: false);

    [Fact]
    public async Task A_burst_of_webhooks_spread_over_two_instances_is_stored_once_and_processed_once()
    {
        var database = PostgresTestDatabase.CreateNew();
        try
        {
            await using var a = Instance(database);
            await using var b = Instance(database);
            var clients = new[] { a.CreateClient(), b.CreateClient() };
            var template = await Fixtures.ReadAsync("ringcentral-inbound-sms.json");
            const int unique = 2_000;
            // Every notification goes to one instance; 300 of them are redelivered to the other one as well.
            var sends = Enumerable.Range(0, unique).Select(i => (Body: Notification(template, i), Instance: i % 2))
                .Concat(Enumerable.Range(0, 300).Select(i => (Body: Notification(template, i * 6), Instance: (i * 6 + 1) % 2)))
                .ToArray();
            var next = -1;
            var refused = 0;
            await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < sends.Length)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ringcentral/webhooks/sms") { Content = new StringContent(sends[i].Body, Encoding.UTF8, "application/json") };
                    request.Headers.Add("Verification-Token", Token);
                    using var response = await clients[sends[i].Instance].SendAsync(request);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref refused);
                    }
                }
            })));
            Assert.Equal(0, refused);

            var factory = a.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
            await using (var db = await factory.CreateDbContextAsync())
            {
                Assert.Equal(unique, await db.Set<InboundEvent>().CountAsync());
            }
            // Both instances' Hangfire workers process the stored notifications (jobs in the shared storage).
            var deadline = DateTime.UtcNow.AddSeconds(150);
            int left;
            do
            {
                await Task.Delay(500);
                await using var db = await factory.CreateDbContextAsync();
                left = await db.Set<InboundEvent>().CountAsync(e => e.ProcessedAt == null);
            }
            while (left > 0 && DateTime.UtcNow < deadline);
            Assert.Equal(0, left);

            await using (var db = await factory.CreateDbContextAsync())
            {
                var inbound = await db.Set<ConversationMessage>().Where(m => m.Direction == MessageDirection.Inbound).Select(m => m.ExternalId).ToListAsync();
                Assert.Equal(unique, inbound.Count);
                Assert.Equal(unique, inbound.Distinct().Count());
                Assert.Equal(500, await db.Set<ConversationThread>().CountAsync());
                Assert.Equal(0, await db.Set<InboundEvent>().CountAsync(e => e.LastError != null));
            }
        }
        finally
        {
            database.Delete();
        }
    }

    [Fact]
    public async Task Five_thousand_outbox_events_dispatched_by_two_instances_are_handled_once_per_handler()
    {
        var first = new CommittedEffectsHandler("test.first");
        var second = new CommittedEffectsHandler("test.second");
        var database = PostgresTestDatabase.CreateNew();
        try
        {
            void Handlers(IServiceCollection s)
            {
                s.AddSingleton<IEventHandler>(first);
                s.AddSingleton<IEventHandler>(second);
            }
            await using var a = Instance(database, Handlers);
            await using var b = Instance(database, Handlers);
            await AppendAsync(a, 5_000);
            // Two dispatch loops per instance, besides whatever Hangfire's dispatch jobs do meanwhile.
            var dispatchers = new[] { a, a, b, b }.Select(app => app.Services.GetRequiredService<OutboxDispatcher>());
            await Task.WhenAll(dispatchers.Select(d => Task.Run(() => DrainAsync(d, CancellationToken.None))));
            await WaitUntilDispatchedAsync(a);

            Assert.Equal(5_000, first.Committed.Count);
            Assert.Equal(5_000, second.Committed.Count);
            Assert.All(first.Committed.Values, n => Assert.Equal(1, n));
            Assert.All(second.Committed.Values, n => Assert.Equal(1, n));
        }
        finally
        {
            database.Delete();
        }
    }

    [Fact]
    public async Task When_one_instance_dies_mid_run_the_other_finishes_the_outbox_once()
    {
        var handler = new CommittedEffectsHandler("test.survivor");
        var database = PostgresTestDatabase.CreateNew();
        // The survivor's clock can be moved past the dead instance's leases (2 minutes) without waiting.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        try
        {
            void Handlers(IServiceCollection s) => s.AddSingleton<IEventHandler>(handler);
            await using var survivor = Instance(database, Handlers, time);
            var victim = Instance(database, Handlers);
            await AppendAsync(survivor, 5_000);

            using var kill = new CancellationTokenSource();
            var victimLoops = Enumerable.Range(0, 2).Select(_ => Task.Run(() => DrainAsync(victim.Services.GetRequiredService<OutboxDispatcher>(), kill.Token))).ToArray();
            var survivorLoop = Task.Run(() => DrainAsync(survivor.Services.GetRequiredService<OutboxDispatcher>(), CancellationToken.None));
            // Kill the victim while it is in the middle of the work.
            await Eventually.UntilAsync(() => Task.FromResult(handler.Committed.Count >= 1_000), "1,000 events committed before the kill", TimeSpan.FromMinutes(2));
            await kill.CancelAsync();
            try
            {
                await Task.WhenAll(victimLoops);
            }
            catch (OperationCanceledException)
            {
                // The kill.
            }
            await victim.DisposeAsync();
            // The survivor keeps draining meanwhile, so how far the work got by now is a race: only the end state is asserted.
            Assert.True(handler.Committed.Count >= 1_000);

            await survivorLoop;
            // Rows the victim had claimed stay leased until their lease runs out; then the survivor takes them.
            time.Advance(TimeSpan.FromMinutes(3));
            await DrainAsync(survivor.Services.GetRequiredService<OutboxDispatcher>(), CancellationToken.None);
            await WaitUntilDispatchedAsync(survivor);

            Assert.Equal(5_000, handler.Committed.Count);
            Assert.All(handler.Committed.Values, n => Assert.Equal(1, n));
        }
        finally
        {
            database.Delete();
        }
    }

    private static string Notification(string template, int n) =>
        template.Replace("5f1c0a3e-8b2d-4c1e-9f7a-2d6b1e0c4a11", $"two-{n:D6}", StringComparison.Ordinal)
            .Replace("1740001234016", $"8{n:D12}", StringComparison.Ordinal)
            .Replace("+13055550123", $"+1212555{n % 500:D4}", StringComparison.Ordinal)
            .Replace("Hi, can I move my cleaning to Friday morning?", $"Question number {n}", StringComparison.Ordinal);

    private static async Task AppendAsync(AppFactory app, int count)
    {
        var store = app.Services.GetRequiredService<EventStore>();
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        for (var s = 0; s < count / 100; s++)
        {
            await using var db = await factory.CreateDbContextAsync();
            store.Append(db, Guid.NewGuid(), "test", 0, Enumerable.Range(0, 100).Select(i => ("test.happened.v1", (object)new Happened(i))), new EventMetadata("tester", Guid.NewGuid()));
            await EventStore.SaveAsync(db, Guid.Empty, 0, default);
        }
    }

    private static async Task DrainAsync(OutboxDispatcher dispatcher, CancellationToken ct)
    {
        while ((await dispatcher.DispatchBatchAsync(100, ct)).Claimed > 0)
        {
        }
    }

    /// <summary>Hangfire's own dispatch jobs may still hold leases when the loops run dry.</summary>
    private static async Task WaitUntilDispatchedAsync(AppFactory app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();
        for (var i = 0; i < 600; i++)
        {
            await using var db = await factory.CreateDbContextAsync();
            if (!await db.Set<OutboxEntry>().AnyAsync(o => o.DispatchedAt == null))
            {
                return;
            }
            await DrainAsync(dispatcher, CancellationToken.None);
            await Task.Delay(100);
        }
        throw new TimeoutException("The outbox was not drained within a minute.");
    }
}
