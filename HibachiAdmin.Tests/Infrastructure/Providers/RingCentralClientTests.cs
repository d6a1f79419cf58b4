using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Net;
using System.Text.Json;
using HibachiAdmin.Infrastructure.Providers.RingCentral;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using HibachiAdmin.Tests.Infrastructure;

namespace HibachiAdmin.Tests.Infrastructure.Providers;

/// <summary>A fake RingCentral: a real HTTP server on loopback that answers from the fixtures.</summary>
public sealed class FakeRingCentral : IAsyncDisposable
{
    private readonly WebApplication _app;
    public int TokenCalls;
    public int SmsCalls;
    public Queue<Func<HttpContext, Task>> NextSmsResponses { get; } = new();
    public List<string> SmsBodies { get; } = [];
    public string? LastSubscriptionBody;
    public string MessageStatusFixture { get; set; } = "ringcentral-sms-status-delivered.json";

    private FakeRingCentral(WebApplication app) => _app = app;

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private static string Fixture(string name) => Fixtures.Read(name);

    public static async Task<FakeRingCentral> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeRingCentral(app);
        app.MapPost("/restapi/oauth/token", async (HttpContext ctx) =>
        {
            Interlocked.Increment(ref fake.TokenCalls);
            var form = await ctx.Request.ReadFormAsync();
            if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer" || !ctx.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.Ordinal))
            {
                ctx.Response.StatusCode = 400;
                return;
            }
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(Fixture("ringcentral-oauth-jwt-token-response.json"));
        });
        app.MapPost("/restapi/v1.0/account/~/extension/~/sms", async (HttpContext ctx) =>
        {
            Interlocked.Increment(ref fake.SmsCalls);
            using var reader = new StreamReader(ctx.Request.Body);
            fake.SmsBodies.Add(await reader.ReadToEndAsync());
            if (fake.NextSmsResponses.TryDequeue(out var respond))
            {
                await respond(ctx);
                return;
            }
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(Fixture("ringcentral-sms-send-response.json"));
        });
        app.MapGet("/restapi/v1.0/account/~/extension/~/message-store/{id}", async (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(Fixture(fake.MessageStatusFixture));
        });
        app.MapGet("/restapi/v1.0/account/~/extension/~/message-sync", async (HttpContext ctx) =>
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync($$$"""{"records":[{{{Fixture(fake.MessageStatusFixture)}}}],"syncInfo":{"syncType":"FSync","syncToken":"t1","olderRecordsExist":false}}""");
        });
        app.MapPost("/restapi/v1.0/subscription", async (HttpContext ctx) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            fake.LastSubscriptionBody = await reader.ReadToEndAsync();
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(Fixture("ringcentral-subscription-create-response.json"));
        });
        await app.StartAsync();
        return fake;
    }

    /// <summary>Answers like a fixture of shape {status, headers, body}.</summary>
    public static Func<HttpContext, Task> FromFixture(string name) => async ctx =>
    {
        using var doc = JsonDocument.Parse(Fixture(name));
        var root = doc.RootElement;
        ctx.Response.StatusCode = root.GetProperty("status").GetInt32();
        if (root.TryGetProperty("headers", out var headers))
        {
            foreach (var h in headers.EnumerateObject())
            {
                ctx.Response.Headers[h.Name] = h.Value.ToString();
            }
        }
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(root.GetProperty("body").GetRawText());
    };

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed class RingCentralClientTests
{
    private static ServiceProvider Services(string serverUrl)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RingCentral:ServerUrl"] = serverUrl,
            ["RingCentral:ClientId"] = "client-id",
            ["RingCentral:ClientSecret"] = "client-secret",
            ["RingCentral:Jwt"] = "jwt-credential",
            ["RingCentral:FromNumber"] = "+12125550147",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddRingCentral(config);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Sends_an_sms_with_one_shared_token()
    {
        await using var fake = await FakeRingCentral.StartAsync();
        await using var services = Services(fake.Url);
        var first = await services.GetRequiredService<RingCentralClient>().SendSmsAsync("+13055550123", "Your chef arrives at 5 pm", default);
        await services.GetRequiredService<RingCentralClient>().SendSmsAsync("+13055550123", "See you soon", default);

        Assert.False(string.IsNullOrEmpty(first.Id));
        Assert.Equal(1, fake.TokenCalls);
        Assert.Equal(2, fake.SmsCalls);
        using var sent = JsonDocument.Parse(fake.SmsBodies[0]);
        Assert.Equal("+12125550147", sent.RootElement.GetProperty("from").GetProperty("phoneNumber").GetString());
        Assert.Equal("+13055550123", sent.RootElement.GetProperty("to")[0].GetProperty("phoneNumber").GetString());
    }

    [Fact]
    public async Task A_429_is_retried_after_Retry_After()
    {
        await using var fake = await FakeRingCentral.StartAsync();
        fake.NextSmsResponses.Enqueue(async ctx =>
        {
            ctx.Response.StatusCode = 429;
            ctx.Response.Headers.RetryAfter = "1";
            await ctx.Response.WriteAsync("""{"errorCode":"CMN-301","message":"Request rate exceeded","errors":[{"errorCode":"CMN-301","message":"Request rate exceeded"}]}""");
        });
        await using var services = Services(fake.Url);
        var started = DateTime.UtcNow;
        var result = await services.GetRequiredService<RingCentralClient>().SendSmsAsync("+13055550123", "hello", default);
        Assert.False(string.IsNullOrEmpty(result.Id));
        Assert.Equal(2, fake.SmsCalls);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(0.9), "the retry waited for Retry-After");
    }

    [Fact]
    public async Task A_400_becomes_a_clear_reason_with_its_error_code()
    {
        await using var fake = await FakeRingCentral.StartAsync();
        fake.NextSmsResponses.Enqueue(FakeRingCentral.FromFixture("ringcentral-error-400-from-number.json"));
        await using var services = Services(fake.Url);
        var provider = new RingCentralSmsProvider(services);
        var result = await provider.SendAsync(Guid.NewGuid(), "+13055550123", "hello", default);
        Assert.False(result.Accepted);
        Assert.Equal(1, fake.SmsCalls);
        using var fixture = JsonDocument.Parse(Fixtures.Read("ringcentral-error-400-from-number.json"));
        var code = fixture.RootElement.GetProperty("body").GetProperty("errors")[0].GetProperty("errorCode").GetString()!;
        Assert.StartsWith(code, result.Error);
    }

    [Fact]
    public async Task Creates_the_webhook_subscription_with_the_event_filters_and_verification_token()
    {
        await using var fake = await FakeRingCentral.StartAsync();
        await using var services = Services(fake.Url);
        var subscription = await services.GetRequiredService<RingCentralClient>().CreateSubscriptionAsync("https://hibachi.example/api/v1/ringcentral/webhooks/sms", "secret-token", default);
        Assert.False(string.IsNullOrEmpty(subscription.Id));
        using var body = JsonDocument.Parse(fake.LastSubscriptionBody!);
        var filters = body.RootElement.GetProperty("eventFilters").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains(filters, f => f!.Contains("message-store/instant?type=SMS", StringComparison.Ordinal));
        Assert.Contains(filters, f => f!.Contains("telephony/sessions", StringComparison.Ordinal));
        Assert.Equal("WebHook", body.RootElement.GetProperty("deliveryMode").GetProperty("transportType").GetString());
        Assert.Equal("secret-token", body.RootElement.GetProperty("deliveryMode").GetProperty("verificationToken").GetString());
    }
}

public sealed class RingCentralIntegrationTests
{
    [Fact]
    public async Task The_admin_subscription_button_creates_and_stores_the_subscription()
    {
        await using var fake = await FakeRingCentral.StartAsync();
        await using var app = new AppFactory()
            .With("RingCentral:ServerUrl", fake.Url).With("RingCentral:ClientId", "id").With("RingCentral:ClientSecret", "secret")
            .With("RingCentral:Jwt", "jwt").With("RingCentral:VerificationToken", "verify-me");
        var integration = app.Services.GetRequiredService<HibachiAdmin.Features.Messaging.RingCentralIntegration>();

        var refused = await integration.CreateSubscriptionAsync("http://localhost:5256/api/v1/ringcentral/webhooks/sms", default);
        Assert.False(refused.Ok);

        var (ok, _) = await integration.CreateSubscriptionAsync("https://hibachi.example/api/v1/ringcentral/webhooks/sms", default);
        Assert.True(ok);
        var status = await integration.GetStatusAsync(checkToken: true, default);
        Assert.Equal("ok", status.TokenCheck);
        Assert.NotNull(status.Subscription);
        Assert.Equal("https://hibachi.example/api/v1/ringcentral/webhooks/sms", status.Subscription!.Address);
    }
}

public sealed class RingCentralStatusTests
{
    [Theory]
    [InlineData("ringcentral-sms-status-delivered.json", HibachiAdmin.Features.Messaging.Contracts.OutboundStatus.Delivered)]
    [InlineData("ringcentral-sms-status-delivery-failed.json", HibachiAdmin.Features.Messaging.Contracts.OutboundStatus.Failed)]
    public async Task A_message_store_event_re_reads_in_flight_texts(string statusFixture, HibachiAdmin.Features.Messaging.Contracts.OutboundStatus expected)
    {
        await using var fake = await FakeRingCentral.StartAsync();
        fake.MessageStatusFixture = statusFixture;
        await using var app = new AppFactory()
            .With("Sms:Provider", "RingCentral").With("RingCentral:ServerUrl", fake.Url).With("RingCentral:ClientId", "id")
            .With("RingCentral:ClientSecret", "secret").With("RingCentral:Jwt", "jwt").With("RingCentral:FromNumber", "+12125550147")
            .With("RingCentral:VerificationToken", "verify-me");
        var sms = app.Services.GetRequiredService<HibachiAdmin.Features.Messaging.SmsService>();
        var sent = await sms.SendAsync(new HibachiAdmin.Features.Messaging.Contracts.OutboundSms(null, "+13055550123", "Your booking is confirmed", HibachiAdmin.Features.Messaging.Contracts.SmsPurpose.Transactional), default);
        Assert.True(sent.Accepted);
        Assert.Equal("1740001245016", sent.ProviderMessageId);

        var body = Fixtures.Read("ringcentral-message-store-event.json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ringcentral/webhooks/sms") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Verification-Token", "verify-me");
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);

        // Hangfire processes the stored notification in the background.
        var message = await Eventually.UntilAsync(() => sms.GetAsync(sent.MessageId!.Value, default), m => m!.Status == expected, $"the message to become {expected}");
        Assert.Equal(expected, message!.Status);
    }
}
