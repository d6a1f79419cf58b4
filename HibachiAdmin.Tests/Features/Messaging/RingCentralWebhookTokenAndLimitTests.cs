using System.Net;
using System.Text;
using System.Text.Json;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Web;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>
/// Edges of the RingCentral webhook the HTTP client cannot send (an empty header) or that sit on a
/// limit: an empty Validation-Token is no handshake, an empty configured token is "not configured"
/// (never "any empty token matches"), a body of exactly the limit is accepted.
/// </summary>
public sealed class RingCentralWebhookTokenAndLimitTests : IAsyncLifetime
{
    private const string Token = "test-verification-token-3f9a";
    private const string SmsPath = "/api/v1/ringcentral/webhooks/sms";
    private readonly AppFactory _app = new AppFactory()
        .With("RingCentral:VerificationToken", Token)
        .With("Hangfire:ProcessJobs", "false");

    private static string Fixture(string name) => Fixtures.Read(name);

    /// <summary>
    /// Sends straight through the TestServer (HttpClient drops a header whose value is empty, so it
    /// would never reach the app).
    /// </summary>
    private static Task<HttpContext> SendRawAsync(AppFactory app, string path, string body, IReadOnlyDictionary<string, string> headers) =>
        app.Server.SendAsync(ctx =>
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            ctx.Request.Method = HttpMethods.Post;
            ctx.Request.Path = path;
            ctx.Request.ContentType = "application/json";
            ctx.Request.ContentLength = bytes.Length;
            ctx.Request.Body = new MemoryStream(bytes);
            foreach (var (name, value) in headers)
            {
                ctx.Request.Headers[name] = value;
            }
        });

    private static async Task<JsonElement> ProblemAsync(HttpContext ctx)
    {
        Assert.Equal("application/problem+json", ctx.Response.ContentType?.Split(';')[0]);
        return (await JsonDocument.ParseAsync(ctx.Response.Body)).RootElement.Clone();
    }

    private static async Task<List<InboundEvent>> StoredAsync(AppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<InboundEvent>().AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task An_empty_validation_token_is_no_handshake_so_a_notification_without_the_verification_token_is_refused()
    {
        // RingCentral sends a non-empty Validation-Token only when a subscription is created; an empty
        // header must not open the door (a handshake answers 200 without any token check).
        var ctx = await SendRawAsync(_app, SmsPath, Fixture("ringcentral-inbound-sms.json"), new Dictionary<string, string> { ["Validation-Token"] = "" });
        Assert.True(ctx.Request.Headers.ContainsKey("Validation-Token"), "the empty header must reach the app for this test to mean anything");
        Assert.Equal(StatusCodes.Status401Unauthorized, ctx.Response.StatusCode);
        Assert.False(ctx.Response.Headers.ContainsKey("Validation-Token"));
        Assert.Equal("Invalid verification token", (await ProblemAsync(ctx)).GetProperty("title").GetString());
        Assert.Empty(await StoredAsync(_app));
    }

    [Fact]
    public async Task An_empty_validation_token_beside_the_right_verification_token_is_an_ordinary_notification_and_is_stored()
    {
        var body = Fixture("ringcentral-inbound-sms.json");
        var ctx = await SendRawAsync(_app, SmsPath, body, new Dictionary<string, string> { ["Validation-Token"] = "", ["Verification-Token"] = Token });
        Assert.Equal(StatusCodes.Status200OK, ctx.Response.StatusCode);
        Assert.False(ctx.Response.Headers.ContainsKey("Validation-Token"));
        Assert.Equal(body, Assert.Single(await StoredAsync(_app)).Payload);
    }

    [Fact]
    public async Task A_validation_token_is_echoed_as_sent_through_the_raw_server_too()
    {
        var ctx = await SendRawAsync(_app, "/api/v1/ringcentral/webhooks/voice", "", new Dictionary<string, string> { ["Validation-Token"] = "v-1" });
        Assert.Equal(StatusCodes.Status200OK, ctx.Response.StatusCode);
        Assert.Equal("v-1", ctx.Response.Headers["Validation-Token"].ToString());
        Assert.Empty(await StoredAsync(_app));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task An_empty_configured_token_is_not_configured_and_an_empty_verification_token_does_not_match_it(string? sent)
    {
        // If "" counted as configured, an empty (or absent) Verification-Token would equal it and open the door.
        await using var app = new AppFactory().With("RingCentral:VerificationToken", "").With("Hangfire:ProcessJobs", "false");
        var headers = sent is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Verification-Token"] = sent };
        var ctx = await SendRawAsync(app, SmsPath, Fixture("ringcentral-inbound-sms.json"), headers);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, ctx.Response.StatusCode);
        var problem = await ProblemAsync(ctx);
        Assert.Equal("Webhook not configured", problem.GetProperty("title").GetString());
        Assert.Empty(await StoredAsync(app));
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_accepted_and_one_byte_more_is_413()
    {
        var client = _app.CreateClient();
        var head = "{\"uuid\":\"exact-limit\",\"pad\":\"";
        var tail = "\"}";
        var exact = head + new string('a', (int)ApiConventions.MaxRequestBodyBytes - head.Length - tail.Length) + tail;
        Assert.Equal(ApiConventions.MaxRequestBodyBytes, Encoding.UTF8.GetByteCount(exact));

        using var over = await client.SendAsync(Json(exact.Replace("exact-limit", "exact-limitX", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        using var accepted = await client.SendAsync(Json(exact));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("exact-limit", Assert.Single(await StoredAsync(_app)).ExternalId);

        static HttpRequestMessage Json(string body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, SmsPath) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Verification-Token", Token);
            return request;
        }
    }

    [Fact]
    public void Both_webhooks_are_anonymous_posts_listed_under_the_webhooks_tag()
    {
        var endpoints = _app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1/ringcentral/webhooks/", StringComparison.Ordinal) == true)
            .ToList();
        Assert.Equal(["api/v1/ringcentral/webhooks/sms", "api/v1/ringcentral/webhooks/voice"],
            endpoints.Select(e => e.RoutePattern.RawText!.TrimStart('/')).Order(StringComparer.Ordinal));
        Assert.All(endpoints, e =>
        {
            Assert.Equal(["POST"], e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods);
            Assert.Contains("Webhooks", e.Metadata.GetOrderedMetadata<ITagsMetadata>().SelectMany(t => t.Tags));
            Assert.NotNull(e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>());
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
