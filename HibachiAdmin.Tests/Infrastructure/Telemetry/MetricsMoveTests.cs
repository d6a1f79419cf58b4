using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Infrastructure.Providers.RingCentral;
using HibachiAdmin.Infrastructure.Telemetry;
using HibachiAdmin.Tests.Features.Messaging;
using HibachiAdmin.Tests.Infrastructure.Providers;
using HibachiAdmin.Tests.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Infrastructure.Telemetry;

/// <summary>
/// The metrics move with what they count: waits on a provider limit per group (and the page's list of current waits),
/// 429s, texts sent and refused, the inbound and outbox queues; <c>/metrics</c> serves them to Admins only.
/// </summary>
public sealed class MetricsMoveTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Records the measurements of one host's meter (other hosts in the process have their own meter).</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();

        public Recorder(Meter meter)
        {
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i.Name, v, tags));
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i.Name, v, tags));
            _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i.Name, v, tags));
            _listener.Start();
        }

        public ConcurrentQueue<(string Name, double Value, Dictionary<string, string?> Tags)> Seen { get; } = new();

        private void Add(string name, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var map = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                map[tag.Key] = tag.Value?.ToString();
            }
            Seen.Enqueue((name, value, map));
        }

        public double Sum(string name, params (string Key, string Value)[] tags) =>
            Seen.Where(m => m.Name == name && tags.All(t => m.Tags.GetValueOrDefault(t.Key) == t.Value)).Sum(m => m.Value);

        /// <summary>The gauges' current values (observed now).</summary>
        public double Observe(string name)
        {
            var before = Seen.Count;
            _listener.RecordObservableInstruments();
            return Seen.Skip(before).Last(m => m.Name == name).Value;
        }

        public void Dispose() => _listener.Dispose();
    }

    [Fact]
    public async Task A_429_blocks_its_group_and_the_wait_is_counted_listed_until_Retry_After_and_timed()
    {
        var metrics = app.Services.GetRequiredService<AppMetrics>();
        using var recorder = new Recorder(metrics.Meter);
        var time = new FakeTimeProvider(TestClock.Start);
        var notifier = new ProviderLimitNotifier(NullLogger<ProviderLimitNotifier>.Instance);
        var published = new ConcurrentQueue<string>();
        using var subscription = notifier.Subscribe(keys => { foreach (var k in keys) { published.Enqueue(k); } return Task.CompletedTask; });
        using var budgets = new RingCentralRateBudgets(new ConfigurationBuilder().Build(), time, NullLogger<RingCentralRateBudgets>.Instance, metrics, notifier);

        using var refused = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(5));
        refused.Headers.Add("X-Rate-Limit-Group", "heavy");
        Assert.Equal(TimeSpan.FromSeconds(5), budgets.Refused("heavy", refused));
        Assert.Equal(1, recorder.Sum("hibachi.provider.rate_limit.refusals", ("group", "heavy")));
        Assert.Empty(budgets.CurrentWaits());

        var waiting = budgets.AcquireAsync("heavy", default);
        Assert.False(waiting.IsCompleted);
        var wait = Assert.Single(budgets.CurrentWaits());
        Assert.Equal(new ProviderLimitWait("heavy", "heavy", true, time.GetUtcNow() + TimeSpan.FromSeconds(5), 1, time.GetUtcNow()), wait);
        Assert.Equal(1, recorder.Sum("hibachi.provider.rate_limit.waits", ("group", "heavy"), ("lane", "heavy"), ("reason", "retry_after")));
        Assert.Equal(0, recorder.Sum("hibachi.provider.rate_limit.waits", ("group", "light")));
        Assert.Contains("heavy", published);
        // Other groups are not held up.
        (await budgets.AcquireAsync("status", default)).Dispose();

        time.Advance(TimeSpan.FromSeconds(5));
        (await waiting).Dispose();
        Assert.Empty(budgets.CurrentWaits());
        Assert.Equal(5, recorder.Sum("hibachi.provider.rate_limit.wait.duration", ("group", "heavy")));
        Assert.Equal(2, published.Count(k => k == "heavy"));
    }

    [Fact]
    public async Task A_spent_budget_is_a_wait_for_the_next_permit_without_an_end_time()
    {
        var metrics = app.Services.GetRequiredService<AppMetrics>();
        using var recorder = new Recorder(metrics.Meter);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["RingCentral:Budgets:Heavy"] = "1" }).Build();
        using var budgets = new RingCentralRateBudgets(configuration, TimeProvider.System, NullLogger<RingCentralRateBudgets>.Instance, metrics, null);
        (await budgets.AcquireAsync("heavy", default)).Dispose();
        using var cancel = new CancellationTokenSource();
        var second = budgets.AcquireAsync("heavy", cancel.Token);
        var wait = Assert.Single(budgets.CurrentWaits());
        Assert.Equal(("heavy", "heavy", false, (DateTimeOffset?)null, 1), (wait.Group, wait.Lane, wait.RetryAfter, wait.Until, wait.Waiting));
        Assert.Equal(1, recorder.Sum("hibachi.provider.rate_limit.waits", ("group", "heavy"), ("reason", "budget")));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        Assert.Empty(budgets.CurrentWaits());
    }

    [Fact]
    public async Task Texts_the_provider_takes_count_as_sent_by_purpose()
    {
        var metrics = app.Services.GetRequiredService<AppMetrics>();
        using var recorder = new Recorder(metrics.Meter);
        var sms = app.Services.GetRequiredService<ISmsService>();
        var result = await sms.SendAsync(new OutboundSms(null, TestPhones.Next("212").E164, "Reply STOP to opt out.", SmsPurpose.Help), default);
        Assert.True(result.Accepted);
        Assert.Equal(1, recorder.Sum("hibachi.sms.sent", ("purpose", "help"), ("channel", "p2p")));
        Assert.Equal(0, recorder.Sum("hibachi.sms.failed"));
    }

    [Fact]
    public async Task The_inbound_and_outbox_gauges_follow_their_rows()
    {
        var metrics = app.Services.GetRequiredService<AppMetrics>();
        using var recorder = new Recorder(metrics.Meter);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var inboundBefore = recorder.Observe("hibachi.inbound.queue.depth");
        var outboxBefore = recorder.Observe("hibachi.outbox.depth");
        db.Add(new InboundEvent { Id = Guid.NewGuid(), Provider = "metrics-test", ExternalId = Guid.NewGuid().ToString(), Channel = "sms", Payload = "{}", ReceivedAt = now.AddHours(-3) });
        db.Add(new OutboxEntry { EventId = Guid.NewGuid(), EventType = "MetricsTest", StreamId = Guid.NewGuid(), Data = "{}", CreatedAt = now.AddHours(-2), NextAttemptAt = now.AddDays(1) });
        await db.SaveChangesAsync();
        Assert.Equal(inboundBefore + 1, recorder.Observe("hibachi.inbound.queue.depth"));
        Assert.True(recorder.Observe("hibachi.inbound.queue.oldest_age") >= 3 * 3600 - 60);
        Assert.Equal(outboxBefore + 1, recorder.Observe("hibachi.outbox.depth"));
        Assert.True(recorder.Observe("hibachi.outbox.oldest_age") >= 2 * 3600 - 60);
    }

    [Fact]
    public async Task Metrics_are_scraped_as_Prometheus_text_by_Admins_only()
    {
        using var anonymous = await app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/Account/Login", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
        foreach (var role in new[] { Roles.Staff, Roles.Marketing, Roles.Manager })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.CreateClientInRoleAsync(role)).GetAsync("/metrics")).StatusCode);
        }
        var admin = await app.CreateAdminClientAsync();
        using var response = await admin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("hibachi_inbound_queue_depth", text, StringComparison.Ordinal);
        Assert.Contains("hibachi_outbox_depth", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_RingCentral_refuses_counts_as_failed()
    {
        await using var fake = await RingCentralFake.StartAsync();
        fake.RetryAfterSeconds = 0;
        fake.Force429["medium"] = RingCentralRateLimitHandler.MaxAttempts;
        await using var rc = StatusSyncTests.RingCentralApp(fake);
        using var recorder = new Recorder(rc.Services.GetRequiredService<AppMetrics>().Meter);
        var result = await rc.Services.GetRequiredService<ISmsService>().SendAsync(new OutboundSms(null, TestPhones.Next("212").E164, "HELP answer", SmsPurpose.Help), default);
        Assert.False(result.Accepted);
        Assert.Equal(1, recorder.Sum("hibachi.sms.failed", ("purpose", "help"), ("channel", "p2p")));
        Assert.Equal(0, recorder.Sum("hibachi.sms.sent"));
        Assert.Equal(RingCentralRateLimitHandler.MaxAttempts, recorder.Sum("hibachi.provider.rate_limit.refusals", ("group", "medium")));
    }
}
