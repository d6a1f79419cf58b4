using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using HibachiAdmin.Infrastructure.Providers.RingCentral;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HibachiAdmin.Tests.Infrastructure.Providers;

/// <summary>
/// RingCentral's limits are budgets per usage-plan group: a 429 blocks the group it names for <c>Retry-After</c>
/// (nothing of that group is sent meanwhile: the penalty would restart), other groups go on, sends and status reads
/// have separate client-side budgets, and a wait is logged.
/// </summary>
public sealed class RingCentralRateLimitTests
{
    private sealed class CapturingLogger(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) => lines.Enqueue(formatter(state, exception));
        public void Dispose()
        {
        }
    }

    private static ServiceProvider Services(string serverUrl, ConcurrentQueue<string> log, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["RingCentral:ServerUrl"] = serverUrl,
            ["RingCentral:ClientId"] = "client-id",
            ["RingCentral:ClientSecret"] = "client-secret",
            ["RingCentral:Jwt"] = "jwt-credential",
            ["RingCentral:FromNumber"] = "+12125550147",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new CapturingLogger(log)));
        services.AddSingleton(TimeProvider.System);
        services.AddRingCentral(config);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_429_blocks_only_the_group_it_names_for_Retry_After_and_the_wait_is_logged()
    {
        await using var fake = await RingCentralFake.StartAsync();
        fake.RetryAfterSeconds = 2;
        var log = new ConcurrentQueue<string>();
        await using var services = Services(fake.Url, log);
        var client = services.GetRequiredService<RingCentralClient>();
        await client.GetAccessTokenAsync(default);

        fake.Force429["light"] = 1;
        var watch = Stopwatch.StartNew();
        var read = client.SyncMessagesAsync(null, DateTime.UtcNow.AddDays(-1), default);
        // The status read got its 429: a person-to-person send (the medium group) goes through meanwhile.
        await Eventually.UntilAsync(() => Task.FromResult(fake.Calls.Any(c => c.Status == 429)), "the 429");
        var sent = await client.SendSmsAsync("+13055550123", "Your chef arrives at 5 pm", default);
        var sendDone = watch.Elapsed;
        var page = await read;
        var readDone = watch.Elapsed;

        Assert.False(string.IsNullOrEmpty(sent.Id));
        Assert.NotNull(page.SyncToken);
        Assert.True(sendDone < TimeSpan.FromSeconds(1.5), $"the send waited for another group's penalty ({sendDone})");
        Assert.True(readDone >= TimeSpan.FromSeconds(1.9), $"the read was retried before Retry-After ({readDone})");
        Assert.Equal(0, fake.RequestsDuringPenalty); // no hammering
        var reads = fake.Calls.Where(c => c.Path.EndsWith("/message-sync", StringComparison.Ordinal)).ToList();
        Assert.Equal([429, 200], reads.Select(c => c.Status));
        Assert.True(reads[1].At - reads[0].At >= TimeSpan.FromSeconds(1.9));
        Assert.Contains(log, l => l.Contains("429", StringComparison.Ordinal) && l.Contains("light", StringComparison.Ordinal) && l.Contains("wait", StringComparison.Ordinal));
        Assert.Contains(log, l => l.StartsWith("RingCentral light limit: status requests wait", StringComparison.Ordinal));
        var budgets = services.GetRequiredService<RingCentralRateBudgets>();
        Assert.Equal(1, budgets.Refusals);
        Assert.True(budgets.Waits >= 1);
    }

    [Fact]
    public async Task Retry_After_absent_means_30_seconds_and_an_HTTP_date_counts_from_now()
    {
        var now = new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
        using var none = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(30), RingCentralRateBudgets.RetryAfter(none, now));
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.Add("Retry-After", "7");
        Assert.Equal(TimeSpan.FromSeconds(7), RingCentralRateBudgets.RetryAfter(seconds, now));
        using var date = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        date.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(12));
        Assert.Equal(TimeSpan.FromSeconds(12), RingCentralRateBudgets.RetryAfter(date, now));
        using var past = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        past.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(-5));
        Assert.Equal(TimeSpan.Zero, RingCentralRateBudgets.RetryAfter(past, now));
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData("POST", "/restapi/v1.0/account/~/extension/~/sms", "sms")]
    [InlineData("GET", "/restapi/v1.0/account/~/extension/~/message-sync", "status")]
    [InlineData("GET", "/restapi/v1.0/account/~/a2p-sms/messages", "status")]
    [InlineData("GET", "/restapi/v1.0/account/~/a2p-sms/opt-outs", "status")]
    [InlineData("POST", "/restapi/v1.0/account/~/a2p-sms/batches", "a2p")]
    [InlineData("GET", "/restapi/v1.0/account/~/extension/~/message-store/1", "other")]
    [InlineData("POST", "/restapi/v1.0/subscription", "other")]
    [InlineData("GET", "/restapi/v1.0/account/~/recording/1/content", "heavy")]
    [InlineData("POST", "/restapi/oauth/token", "auth")]
    public void Each_request_has_its_lane(string method, string path, string lane) =>
        Assert.Equal(lane, RingCentralRateBudgets.LaneOf(new HttpMethod(method), path));

    [Fact]
    public async Task Sends_and_status_reads_have_separate_budgets_and_a_spent_budget_queues_without_calling()
    {
        await using var fake = await RingCentralFake.StartAsync();
        var log = new ConcurrentQueue<string>();
        await using var services = Services(fake.Url, log, ("RingCentral:Budgets:Status", "2"));
        var client = services.GetRequiredService<RingCentralClient>();
        await client.SyncMessagesAsync(null, DateTime.UtcNow, default);
        await client.SyncMessagesAsync(null, DateTime.UtcNow, default);
        using var cancel = new CancellationTokenSource();
        var third = client.SyncMessagesAsync(null, DateTime.UtcNow, cancel.Token);

        // The status budget is spent; sends have their own.
        for (var i = 0; i < 5; i++)
        {
            await client.SendSmsAsync("+13055550123", $"text {i}", default);
        }
        Assert.False(third.IsCompleted);
        Assert.Equal(2, fake.CallCount("/message-sync")); // the third waits in the client, RingCentral never sees it
        Assert.Equal(5, fake.CallCount("/extension/~/sms"));
        Assert.Contains(log, l => l.StartsWith("RingCentral status budget (2/min) spent", StringComparison.Ordinal));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
        Assert.Equal(0, fake.RequestsDuringPenalty);
    }
}
