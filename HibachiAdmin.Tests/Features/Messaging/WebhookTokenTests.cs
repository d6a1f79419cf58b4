using System.Net;
using System.Text;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>
/// The RingCentral webhook is anonymous: the Verification-Token is the only door. Only the exact
/// token opens it (not a prefix, not a longer string, not a token one character off), a refused
/// caller learns nothing about the body, and an accepted notification is stored as received.
/// The tests share one host (they run one after another); each checks what it stored by uuid or by the count.
/// </summary>
public sealed class WebhookTokenTests(WebhookTokenTests.Host host) : IClassFixture<WebhookTokenTests.Host>
{
    private const string Token = "test-verification-token-3f9a";
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 15, 30, 0, TimeSpan.Zero);
    private readonly AppFactory _app = host.App;

    /// <summary>The one app all tests of the class talk to.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public AppFactory App { get; } = new AppFactory { Time = new FakeTimeProvider(Now) }
            .With("RingCentral:VerificationToken", Token)
            .With("Hangfire:ProcessJobs", "false");

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    /// <summary>The inbound SMS fixture under a uuid of its own.</summary>
    private static (string Body, string Uuid) UniqueSms()
    {
        var uuid = Guid.NewGuid().ToString();
        return (Fixture("ringcentral-inbound-sms.json").Replace("5f1c0a3e-8b2d-4c1e-9f7a-2d6b1e0c4a11", uuid, StringComparison.Ordinal), uuid);
    }

    private static string Fixture(string name) => Fixtures.Read(name);

    private static HttpRequestMessage Post(string channel, string body, string? token, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/ringcentral/webhooks/{channel}") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Verification-Token", token);
        }
        return request;
    }

    private async Task<List<InboundEvent>> StoredAsync(params string[] uuids)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<InboundEvent>().AsNoTracking().Where(e => uuids.Contains(e.ExternalId)).OrderBy(e => e.ReceivedAt).ThenBy(e => e.ExternalId).ToListAsync();
    }

    private async Task<int> CountAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<InboundEvent>().CountAsync();
    }

    public static TheoryData<string> WrongTokens()
    {
        var data = new TheoryData<string> { "", " ", Token[..1], Token[..^1], Token + "0", Token.ToUpperInvariant() };
        // One character off at the first, a middle and the last position.
        foreach (var i in new[] { 0, Token.Length / 2, Token.Length - 1 })
        {
            data.Add(Token[..i] + (Token[i] == 'x' ? 'y' : 'x') + Token[(i + 1)..]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(WrongTokens))]
    public async Task Only_the_exact_verification_token_is_accepted(string wrong)
    {
        var client = _app.CreateClient();
        var (sms, uuid) = UniqueSms();
        foreach (var channel in new[] { "sms", "voice" })
        {
            using var refused = await client.SendAsync(Post(channel, sms, wrong));
            Assert.True(HttpStatusCode.Unauthorized == refused.StatusCode, $"{channel} with token '{wrong}' → {(int)refused.StatusCode}");
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        Assert.Empty(await StoredAsync(uuid));
        using var accepted = await client.SendAsync(Post("sms", sms, Token));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Single(await StoredAsync(uuid));
    }

    [Fact]
    public async Task A_wrong_token_is_refused_before_the_body_is_looked_at()
    {
        var client = _app.CreateClient();
        var before = await CountAsync();
        var (sms, _) = UniqueSms();
        // Without the token a caller cannot probe content types or JSON handling.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Post("sms", "uuid=1", "guess", "text/plain"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Post("sms", "{\"uuid\": ", "guess"))).StatusCode);
        // An empty Validation-Token header is not a handshake: it is a notification without a valid token.
        var emptyHandshake = Post("voice", sms, null);
        emptyHandshake.Headers.TryAddWithoutValidation("Validation-Token", "");
        using var handshake = await client.SendAsync(emptyHandshake);
        Assert.Equal(HttpStatusCode.Unauthorized, handshake.StatusCode);
        Assert.False(handshake.Headers.Contains("Validation-Token"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_handshake_answers_with_an_empty_json_200_and_stores_nothing()
    {
        var before = await CountAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ringcentral/webhooks/sms") { Content = new StringContent("{\"uuid\":\"handshake\"}", Encoding.UTF8, "application/json") };
        request.Headers.Add("Validation-Token", "abc-123");
        using var response = await _app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("abc-123", Assert.Single(response.Headers.GetValues("Validation-Token")));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"uuid\"")]
    [InlineData("{\"uuid\": 42}")]
    [InlineData("{\"uuid\": \"   \"}")]
    [InlineData("{\"uuid\": null}")]
    [InlineData("{\"id\": \"only-an-id\"}")]
    public async Task A_notification_without_a_usable_uuid_is_400_and_not_stored(string body)
    {
        var before = await CountAsync();
        using var response = await _app.CreateClient().SendAsync(Post("sms", body, Token));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Uuids_up_to_100_characters_are_stored_longer_ones_refused()
    {
        var client = _app.CreateClient();
        var longest = new string('u', 100);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Post("sms", $"{{\"uuid\":\"{longest}\"}}", Token))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(Post("sms", $"{{\"uuid\":\"{longest}u\"}}", Token))).StatusCode);
        Assert.Equal(longest, Assert.Single(await StoredAsync(longest, longest + "u")).ExternalId);
    }

    [Fact]
    public async Task An_accepted_notification_is_stored_as_received_with_its_channel_and_arrival_time()
    {
        var client = _app.CreateClient();
        var (sms, smsUuid) = UniqueSms();
        var voice = Fixture("ringcentral-telephony-session-disconnected.json");
        using var voiceDoc = System.Text.Json.JsonDocument.Parse(voice);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Post("sms", sms, Token, "application/json; charset=UTF-8"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Post("voice", voice, Token))).StatusCode);

        var stored = await StoredAsync(smsUuid, voiceDoc.RootElement.GetProperty("uuid").GetString()!);
        Assert.Equal(2, stored.Count);
        var text = Assert.Single(stored, e => e.Channel == "sms");
        var call = Assert.Single(stored, e => e.Channel == "voice");
        Assert.Equal(sms, text.Payload);
        Assert.Equal(voice, call.Payload);
        using var smsDoc = System.Text.Json.JsonDocument.Parse(sms);
        Assert.Equal(smsDoc.RootElement.GetProperty("uuid").GetString(), text.ExternalId);
        Assert.All(stored, e =>
        {
            Assert.Equal(RingCentralWebhookEndpoints.Provider, e.Provider);
            Assert.Equal(Now.UtcDateTime, e.ReceivedAt);
            Assert.Null(e.ProcessedAt);
        });
    }

    private static async Task<System.Text.Json.JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Each_refusal_says_why_so_an_operator_can_fix_it()
    {
        var client = _app.CreateClient();
        using var forged = await client.SendAsync(Post("sms", "{}", "guess"));
        Assert.Equal("Invalid verification token", (await ProblemAsync(forged)).GetProperty("title").GetString());
        using var text = await client.SendAsync(Post("sms", "uuid=1", Token, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        var media = await ProblemAsync(text);
        Assert.Equal("Unsupported media type", media.GetProperty("title").GetString());
        Assert.Equal("Notifications are application/json.", media.GetProperty("detail").GetString());
        using var broken = await client.SendAsync(Post("sms", "{\"uuid\": ", Token));
        var malformed = await ProblemAsync(broken);
        Assert.Equal("Malformed JSON", malformed.GetProperty("title").GetString());
        Assert.Equal("The request body is not valid JSON.", malformed.GetProperty("detail").GetString());
        using var noUuid = await client.SendAsync(Post("sms", "{}", Token));
        Assert.Equal("A notification needs a string uuid.", (await ProblemAsync(noUuid)).GetProperty("errors").GetProperty("uuid")[0].GetString());

        await using var unconfigured = new AppFactory().With("Hangfire:ProcessJobs", "false");
        using var off = await unconfigured.CreateClient().SendAsync(Post("voice", "{}", Token));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, off.StatusCode);
        var problem = await ProblemAsync(off);
        Assert.Equal("Webhook not configured", problem.GetProperty("title").GetString());
        Assert.Equal("RingCentral:VerificationToken is not set on this server.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413_and_not_stored()
    {
        // Over real Kestrel: TestServer does not enforce the body size limit a chunked body runs into.
        await using var kestrel = new AppFactory().With("RingCentral:VerificationToken", Token).With("Hangfire:ProcessJobs", "false");
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        using var http = new HttpClient { BaseAddress = kestrel.ClientOptions.BaseAddress };
        var body = Encoding.UTF8.GetBytes("{\"uuid\":\"chunked\",\"pad\":\"" + new string('a', 300 * 1024) + "\"}");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ringcentral/webhooks/sms") { Content = new StreamContent(new NoLengthStream(body)) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("Verification-Token", Token);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Request body too large", (await ProblemAsync(response)).GetProperty("title").GetString());
        await using var db = await kestrel.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Set<InboundEvent>().CountAsync());
    }

    [Fact]
    public async Task A_broken_chunked_body_is_a_400_problem_not_a_413_and_not_stored()
    {
        // Over real Kestrel, by hand: no HTTP client sends a chunk size that is not hexadecimal.
        await using var kestrel = new AppFactory().With("RingCentral:VerificationToken", Token).With("Hangfire:ProcessJobs", "false");
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        var address = kestrel.ClientOptions.BaseAddress;
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        await using var stream = tcp.GetStream();
        var request = "POST /api/v1/ringcentral/webhooks/sms HTTP/1.1\r\n" + $"Host: {address.Authority}\r\n" +
            "Content-Type: application/json\r\n" + $"Verification-Token: {Token}\r\n" + "Transfer-Encoding: chunked\r\n" + "Connection: close\r\n\r\n" +
            "zz\r\n{\"uuid\":\"broken-chunk\"}\r\n0\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith("HTTP/1.1 400 ", response, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", response, StringComparison.OrdinalIgnoreCase);
        await using var db = await kestrel.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Set<InboundEvent>().CountAsync());
    }

    /// <summary>A readable stream that does not tell its length, so the request goes out chunked.</summary>
    private sealed class NoLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
