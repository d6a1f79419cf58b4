using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Infrastructure.Providers.Meta;
using HibachiAdmin.Tests.Features.Messaging;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Inbox;

/// <summary>Replies on Instagram/Facebook: Meta's 24-hour window, the HUMAN_AGENT 7-day rule for people only, and provider errors shown as Meta words them.</summary>
public sealed class MetaReplyTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, true, true, null)]
    [InlineData(23.9, false, true, null)]
    [InlineData(24.1, true, true, "HUMAN_AGENT")]
    [InlineData(24.1, false, false, null)]
    [InlineData(167.9, true, true, "HUMAN_AGENT")]
    [InlineData(168.1, true, false, null)]
    public void The_window_decides_the_tag(double hoursSinceCustomer, bool person, bool allowed, string? tag)
    {
        var now = Start.UtcDateTime;
        var decision = MessagingWindow.Decide(Platform.Instagram, now.AddHours(-hoursSinceCustomer), now, person);
        Assert.Equal(allowed, decision.Allowed);
        Assert.Equal(tag, decision.Tag);
        Assert.Equal(allowed, decision.Refusal is null);
    }

    [Fact]
    public void Never_written_is_closed_and_sms_has_no_window()
    {
        var now = Start.UtcDateTime;
        Assert.False(MessagingWindow.Decide(Platform.Facebook, null, now, true).Allowed);
        Assert.True(MessagingWindow.Decide(Platform.Sms, null, now, false).Allowed);
        Assert.Equal(WindowKind.Standard, MessagingWindow.For(Platform.Facebook, now.AddHours(-20), now).Kind);
        Assert.Equal("Reply window: 4 h 0 min left", MessagingWindow.For(Platform.Facebook, now.AddHours(-20), now).Describe());
    }

    private static string InstagramMessage(DateTimeOffset at, string mid, string text) =>
        $$$"""{"object":"instagram","entry":[{"id":"17841400000012345","time":{{{at.ToUnixTimeMilliseconds()}}},"messaging":[{"sender":{"id":"987654321098765"},"recipient":{"id":"17841400000012345"},"timestamp":{{{at.ToUnixTimeMilliseconds()}}},"message":{"mid":"{{{mid}}}","text":"{{{text}}}"}}]}]}""";

    private static async Task<Guid> ReceiveAsync(AppFactory app, DateTimeOffset at)
    {
        var response = await app.CreateClient().SendAsync(MetaWebhookTests.Signed(InstagramMessage(at, $"mid-{at.ToUnixTimeSeconds()}", "Is Dec 12 open for 20 people?")));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await Pipeline.RunToCompletionAsync(app.Services);
        var inbox = app.Services.GetRequiredService<InboxService>();
        return Assert.Single((await inbox.ListAsync(new ThreadQuery(Platform.Instagram), default)).Items).Id;
    }

    private static AppFactory NewApp(FakeTimeProvider time) => new AppFactory { Time = time }
        .With("Meta:AppSecret", MetaWebhookTests.Secret).With("Meta:VerifyToken", MetaWebhookTests.VerifyToken).With("Hangfire:ProcessJobs", "false")
        // The fake clock jumps days: FakeTimeProvider.Advance fires the QR cache sync's 2-second timer once per
        // period it skips (300,000 ticks), which took this class from 23 s to 7.5 min on a loaded machine. One
        // instance needs no cache sync (its own edits invalidate at once).
        .With("Qr:CacheSyncSeconds", "0");

    [Fact]
    public async Task Replies_follow_the_window_with_a_fake_clock()
    {
        var time = new FakeTimeProvider(Start);
        await using var app = NewApp(time);
        var threadId = await ReceiveAsync(app, Start);
        var sandbox = app.Services.GetRequiredService<SandboxMetaProvider>();

        // Bearer tokens live an hour on the fake clock too: a fresh client after each jump.
        time.Advance(TimeSpan.FromHours(2));
        var admin = await app.CreateAdminClientAsync();
        var first = await admin.PostAsJsonAsync($"/api/v1/admin/social/threads/{threadId}/reply", new { text = "Yes! Dec 12 is open." });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var sent = Assert.Single(sandbox.Sent);
        Assert.Null(sent.Tag);
        Assert.Equal("987654321098765", sent.RecipientId);

        time.Advance(TimeSpan.FromHours(23));
        var inbox = app.Services.GetRequiredService<InboxService>();
        // Automated messages never get HUMAN_AGENT.
        var automated = await inbox.ReplyAsync(threadId, "Reminder: deposits hold the date.", HibachiAdmin.Common.Actor.System, default, writtenByPerson: false);
        Assert.False(automated.Sent);
        Assert.Equal("outsideWindow", automated.Reason);
        admin = await app.CreateAdminClientAsync();
        var human = await admin.PostAsJsonAsync($"/api/v1/admin/social/threads/{threadId}/reply", new { text = "Sorry for the slow reply - shall I hold it?" });
        Assert.Equal(HttpStatusCode.OK, human.StatusCode);
        Assert.Equal("HUMAN_AGENT", sandbox.Sent.Last().Tag);
        var detail = await human.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("HUMAN_AGENT", detail.GetProperty("messages").EnumerateArray().Last().GetProperty("tag").GetString());
        Assert.Equal("humanAgent", detail.GetProperty("window").GetProperty("kind").GetString(), ignoreCase: true);

        time.Advance(TimeSpan.FromDays(6));
        admin = await app.CreateAdminClientAsync();
        var late = await admin.PostAsJsonAsync($"/api/v1/admin/social/threads/{threadId}/reply", new { text = "Still interested?" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var problem = await late.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("outsideWindow", problem.GetProperty("reason").GetString());
        Assert.Contains("24 hours", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, sandbox.Sent.Count);

        // The customer writes again: the window opens again.
        await ReceiveAsync(app, time.GetUtcNow());
        Assert.True((await inbox.ReplyAsync(threadId, "Welcome back!", new("staff@test.local"), default)).Sent);
        Assert.Null(sandbox.Sent.Last().Tag);
    }

    [Fact]
    public async Task The_graph_provider_sends_the_documented_body_and_shows_meta_errors()
    {
        await using var fake = await FakeGraph.StartAsync();
        var time = new FakeTimeProvider(Start);
        await using var app = NewApp(time).With("Meta:PageAccessToken", "page-token-for-tests").With("Meta:GraphUrl", fake.Url + "/v21.0");
        var threadId = await ReceiveAsync(app, Start);
        var inbox = app.Services.GetRequiredService<InboxService>();
        // The person's name came from the User Profile API, through the outbox.
        Assert.Equal("Maya Chen", (await inbox.GetAsync(threadId, false, default))!.Thread.Title);

        fake.Next = (200, MetaWebhookTests.Fixture("meta-send-api-response.json"));
        var ok = await inbox.ReplyAsync(threadId, "Yes! We're open 9-2 on Saturday.", new("staff@test.local"), default);
        Assert.True(ok.Sent, ok.Detail);
        var body = JsonDocument.Parse(Assert.Single(fake.Bodies)).RootElement;
        var expected = JsonDocument.Parse(MetaWebhookTests.Fixture("meta-send-api-request.json")).RootElement;
        Assert.Equal(expected.GetProperty("messaging_type").GetString(), body.GetProperty("messaging_type").GetString());
        Assert.Equal(expected.GetProperty("message").GetProperty("text").GetString(), body.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("987654321098765", body.GetProperty("recipient").GetProperty("id").GetString());
        Assert.False(body.TryGetProperty("tag", out _));
        Assert.Equal("Bearer page-token-for-tests", fake.Authorization);
        var detail = (await inbox.GetAsync(threadId, false, default))!;
        Assert.Equal("sent", detail.Messages.Last().Status);

        // Past 24 hours: a person's reply goes as MESSAGE_TAG/HUMAN_AGENT, and Meta's refusal is shown as Meta words it.
        time.Advance(TimeSpan.FromHours(30));
        var error = JsonDocument.Parse(MetaWebhookTests.Fixture("meta-send-api-error-outside-window.json")).RootElement;
        fake.Next = (error.GetProperty("status").GetInt32(), error.GetProperty("body").GetRawText());
        var refused = await inbox.ReplyAsync(threadId, "Sorry for the slow reply - Dr. Lee can see you Tuesday at 4pm.", new("staff@test.local"), default);
        Assert.False(refused.Sent);
        Assert.Equal("outsideWindow", refused.Reason);
        Assert.Contains("(#10) This message is sent outside of allowed window.", refused.Detail, StringComparison.Ordinal);
        var tagged = JsonDocument.Parse(fake.Bodies.Last()).RootElement;
        var humanAgent = JsonDocument.Parse(MetaWebhookTests.Fixture("meta-send-api-request-human-agent.json")).RootElement;
        Assert.Equal(humanAgent.GetProperty("messaging_type").GetString(), tagged.GetProperty("messaging_type").GetString());
        Assert.Equal(humanAgent.GetProperty("tag").GetString(), tagged.GetProperty("tag").GetString());
        var failed = (await inbox.GetAsync(threadId, false, default))!.Messages.Last();
        Assert.Equal("failed", failed.Status);
        Assert.Equal("(#10) This message is sent outside of allowed window.", failed.Error);

        // Through the API a provider error is a 502 problem naming Meta's message.
        fake.Next = (400, error.GetProperty("body").GetRawText());
        var admin = await app.CreateAdminClientAsync();
        var api = await admin.PostAsJsonAsync($"/api/v1/admin/social/threads/{threadId}/reply", new { text = "Another try" });
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Contains("outside of allowed window", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A fake Graph API on loopback: answers the next queued response and records each body.</summary>
    private sealed class FakeGraph : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeGraph(WebApplication app) => _app = app;

        public (int Status, string Body) Next { get; set; } = (200, """{"recipient_id":"1","message_id":"m_1"}""");

        public List<string> Bodies { get; } = [];

        public string? Authorization { get; private set; }

        public string Url => _app.Url();

        public static async Task<FakeGraph> StartAsync()
        {
            FakeGraph? fake = null;
            var app = await LoopbackServer.StartAsync(app =>
            {
                app.MapGet("/v21.0/{id}", (string id, HttpContext ctx) => ctx.Request.Query["fields"] == "name,username" && id == "987654321098765"
                    ? Results.Json(new { name = "Maya Chen", username = "maya.bakes", id })
                    : Results.Json(new { error = new { message = "Unsupported get request.", code = 100 } }, statusCode: 400));
                app.MapPost("/v21.0/me/messages", async (HttpContext ctx) =>
            {
                using var reader = new StreamReader(ctx.Request.Body);
                var body = await reader.ReadToEndAsync();
                lock (fake!.Bodies)
                {
                    fake.Bodies.Add(body);
                }
                fake.Authorization = ctx.Request.Headers.Authorization.ToString();
                ctx.Response.StatusCode = fake.Next.Status;
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync(fake.Next.Body);
            });
            });
            fake = new FakeGraph(app);
            return fake;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
