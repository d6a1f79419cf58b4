using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Infrastructure.Providers.Meta;
using HibachiAdmin.Tests.Features.Messaging;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Inbox;

/// <summary>Replies on Instagram/Facebook: Meta's 24-hour window, the HUMAN_AGENT 7-day rule for people only, and provider errors shown as Meta words them.</summary>
public sealed partial class MetaReplyTests
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
        var inbox = app.Services.GetRequiredService<InboxReplies>();
        return Assert.Single((await app.Services.GetRequiredService<InboxQueries>().ListAsync(new ThreadQuery(Platform.Instagram), default)).Items).Id;
    }

    private static AppFactory NewApp(FakeTimeProvider time) => new AppFactory { Time = time }
        .With("Meta:AppSecret", MetaWebhookTests.Secret).With("Meta:VerifyToken", MetaWebhookTests.VerifyToken).With("Hangfire:ProcessJobs", "false");

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
        var inbox = app.Services.GetRequiredService<InboxReplies>();
        // Automated messages never get HUMAN_AGENT.
        var automated = await inbox.ReplyAsync(threadId, "Reminder: deposits hold the date.", HibachiAdmin.Common.Actor.System, writtenByPerson: false, default);
        Assert.False(automated.Sent);
        Assert.Equal("outsideWindow", automated.Reason);
        admin = await app.CreateAdminClientAsync();
        var human = await admin.PostAsJsonAsync($"/api/v1/admin/social/threads/{threadId}/reply", new { text = "Sorry for the slow reply - shall I hold it?", writtenBy = "person" });
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
        Assert.True((await inbox.ReplyAsync(threadId, "Welcome back!", new("staff@test.local"), writtenByPerson: true, default)).Sent);
        Assert.Null(sandbox.Sent.Last().Tag);
    }

    private static string Reply(Guid threadId) => $"/api/v1/admin/social/threads/{threadId}/reply";

    private static async Task<List<ConversationMessageRow>> OutboundAsync(AppFactory app, Guid threadId)
    {
        var detail = await app.Services.GetRequiredService<InboxQueries>().GetAsync(threadId, false, default);
        return [.. detail!.Messages.Where(m => m.Direction == MessageDirection.Outbound).Select(m => new ConversationMessageRow(m.Text, m.SentBy, m.Tag))];
    }

    private sealed record ConversationMessageRow(string Text, string? SentBy, string? Tag);

    [Fact]
    public async Task A_script_reply_after_24_hours_is_refused_with_the_reason_and_nothing_goes_out()
    {
        var time = new FakeTimeProvider(Start);
        await using var app = NewApp(time);
        var threadId = await ReceiveAsync(app, Start);
        var sandbox = app.Services.GetRequiredService<SandboxMetaProvider>();
        time.Advance(TimeSpan.FromHours(30));

        // An admin's bearer token is still a script unless it says a person wrote the reply.
        var admin = await app.CreateAdminClientAsync();
        var response = await admin.PostAsJsonAsync(Reply(threadId), new { text = "Following up on your party!" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("outsideWindow", problem.GetProperty("reason").GetString());
        Assert.Contains("writtenBy", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(sandbox.Sent);
        Assert.Empty(await OutboundAsync(app, threadId));

        // Inside the 24 hours a script's reply goes out untagged, recorded as automated (the thread still waits for a person).
        await ReceiveAsync(app, time.GetUtcNow());
        admin = await app.CreateAdminClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync(Reply(threadId), new { text = "Thanks, a person will answer soon." })).StatusCode);
        Assert.Null(Assert.Single(sandbox.Sent).Tag);
        var thread = (await app.Services.GetRequiredService<InboxQueries>().GetAsync(threadId, false, default))!;
        Assert.True(thread.Messages.Last().Automated);
        Assert.NotNull(thread.Thread.WaitingSince);
    }

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Admin)]
    public async Task A_manager_token_that_states_a_person_wrote_it_sends_human_agent_and_records_who(string role)
    {
        var time = new FakeTimeProvider(Start);
        await using var app = NewApp(time);
        var threadId = await ReceiveAsync(app, Start);
        var sandbox = app.Services.GetRequiredService<SandboxMetaProvider>();
        time.Advance(TimeSpan.FromHours(30));

        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        await app.CreateUserAsync(email, Password, role);
        var client = await app.CreateClientWithTokenAsync(email, Password);
        var response = await client.PostAsJsonAsync(Reply(threadId), new { text = "Sorry for the slow reply - Dec 12 is still open.", writtenBy = "PERSON" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("HUMAN_AGENT", Assert.Single(sandbox.Sent).Tag);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messages").EnumerateArray().Last();
        Assert.Equal("HUMAN_AGENT", message.GetProperty("tag").GetString());
        Assert.Equal(email, message.GetProperty("sentBy").GetString());
        Assert.False(message.GetProperty("automated").GetBoolean());
    }

    [Theory]
    [InlineData(Roles.Staff)]
    [InlineData(Roles.Marketing)]
    public async Task Other_tokens_may_not_state_that_a_person_wrote_a_reply(string role)
    {
        var time = new FakeTimeProvider(Start);
        await using var app = NewApp(time);
        var threadId = await ReceiveAsync(app, Start);
        var sandbox = app.Services.GetRequiredService<SandboxMetaProvider>();
        time.Advance(TimeSpan.FromHours(2));

        // Refused even inside the window: the statement itself is what the token may not make.
        var client = await app.CreateClientInRoleAsync(role);
        var response = await client.PostAsJsonAsync(Reply(threadId), new { text = "Typed by me, honest.", writtenBy = "person" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Only a signed-in session, or a Manager or Admin token, may state that a person wrote a reply.",
            problem.GetProperty("errors").GetProperty("writtenBy")[0].GetString());
        Assert.Equal("Not allowed to state that a person wrote this reply", problem.GetProperty("title").GetString());
        Assert.Contains("never tagged HUMAN_AGENT", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(sandbox.Sent);
        Assert.Empty(await OutboundAsync(app, threadId));
    }

    [Fact]
    public async Task A_signed_in_staff_session_may_state_that_a_person_wrote_it()
    {
        var time = new FakeTimeProvider(Start);
        await using var app = NewApp(time);
        var threadId = await ReceiveAsync(app, Start);
        var sandbox = app.Services.GetRequiredService<SandboxMetaProvider>();
        time.Advance(TimeSpan.FromHours(30));

        var email = $"staff-{Guid.NewGuid():N}@test.local";
        await app.CreateUserAsync(email, Password, Roles.Staff);
        var browser = await CookieClientAsync(app, email, Password);
        var response = await browser.PostAsJsonAsync(Reply(threadId), new { text = "Sorry for the wait - yes, Dec 12 works.", writtenBy = "person" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("HUMAN_AGENT", Assert.Single(sandbox.Sent).Tag);
        var row = Assert.Single(await OutboundAsync(app, threadId));
        Assert.Equal((email, "HUMAN_AGENT"), (row.SentBy, row.Tag));

        // Without the statement the same session is refused outside the window, like any script.
        var unstated = await browser.PostAsJsonAsync(Reply(threadId), new { text = "And another thing." });
        Assert.Equal(HttpStatusCode.Conflict, unstated.StatusCode);
        Assert.Single(sandbox.Sent);
    }

    [Theory]
    [InlineData("""{"text":"Hi","writtenBy":"robot"}""")]
    [InlineData("""{"text":"Hi","writtenBy":"person,script"}""")]
    [InlineData("""{"text":"Hi","writtenBy":5}""")]
    public async Task An_unknown_writtenBy_is_a_400_naming_it(string body)
    {
        var time = new FakeTimeProvider(Start);
        await using var app = NewApp(time);
        var threadId = await ReceiveAsync(app, Start);
        var admin = await app.CreateAdminClientAsync();
        var response = await admin.PostAsync(Reply(threadId), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("writtenBy", out _), problem.ToString());
        Assert.Empty(app.Services.GetRequiredService<SandboxMetaProvider>().Sent);
    }

    private const string Password = "a long enough test password";

    /// <summary>Signs in through the static sign-in form, as a browser does; the client keeps the cookie.</summary>
    private static async Task<HttpClient> CookieClientAsync(AppFactory app, string email, string password)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/Account/Login");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value, ["Input.Email"] = email, ["Input.Password"] = password,
        });
        var response = await client.PostAsync("/Account/Login", form);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther, $"sign-in answered {(int)response.StatusCode}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [Fact]
    public async Task The_reply_endpoint_answers_404_for_an_unknown_thread_502_when_Meta_fails_and_sends_the_text_trimmed()
    {
        await using var fake = await FakeGraph.StartAsync();
        var time = new FakeTimeProvider(Start);
        await using var app = NewApp(time).With("Meta:PageAccessToken", "page-token-for-tests").With("Meta:GraphUrl", fake.Url + "/v21.0");
        var threadId = await ReceiveAsync(app, Start);
        var admin = await app.CreateAdminClientAsync();

        var unknown = await admin.PostAsJsonAsync(Reply(Guid.NewGuid()), new { text = "Hello" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);

        // Meta's own failure (not the window): a 502 naming Meta's words, with the stable reason.
        fake.Next = (500, """{"error":{"message":"An unexpected error has occurred. Please retry your request later.","type":"OAuthException","code":2,"is_transient":true,"fbtrace_id":"AbCdEf"}}""");
        var failed = await admin.PostAsJsonAsync(Reply(threadId), new { text = "Yes, Dec 12 works." });
        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        var problem = await failed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Reply not sent", problem.GetProperty("title").GetString());
        Assert.Equal("providerError", problem.GetProperty("reason").GetString());
        Assert.Contains("unexpected error", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        fake.Next = (200, MetaWebhookTests.Fixture("meta-send-api-response.json"));
        var sent = await admin.PostAsJsonAsync(Reply(threadId), new { text = "  Yes, Dec 12 works.\n " });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("Yes, Dec 12 works.", JsonDocument.Parse(fake.Bodies.Last()).RootElement.GetProperty("message").GetProperty("text").GetString());
        var detail = await sent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(threadId, detail.GetProperty("thread").GetProperty("id").GetGuid());
        Assert.Equal("Yes, Dec 12 works.", detail.GetProperty("messages").EnumerateArray().Last().GetProperty("text").GetString());
        // Answering through the API is not reading: the customer's message stays unread for the team.
        Assert.Equal(1, detail.GetProperty("thread").GetProperty("unreadCount").GetInt32());
        Assert.Equal(1, (await app.Services.GetRequiredService<InboxQueries>().GetAsync(threadId, markRead: false, default))!.Thread.UnreadCount);
    }

    [Fact]
    public async Task The_graph_provider_sends_the_documented_body_and_shows_meta_errors()
    {
        await using var fake = await FakeGraph.StartAsync();
        var time = new FakeTimeProvider(Start);
        await using var app = NewApp(time).With("Meta:PageAccessToken", "page-token-for-tests").With("Meta:GraphUrl", fake.Url + "/v21.0");
        var threadId = await ReceiveAsync(app, Start);
        var inbox = app.Services.GetRequiredService<InboxReplies>();
        // The person's name came from the User Profile API, through the outbox.
        Assert.Equal("Maya Chen", (await app.Services.GetRequiredService<InboxQueries>().GetAsync(threadId, false, default))!.Thread.Title);

        fake.Next = (200, MetaWebhookTests.Fixture("meta-send-api-response.json"));
        var ok = await inbox.ReplyAsync(threadId, "Yes! We're open 9-2 on Saturday.", new("staff@test.local"), writtenByPerson: true, default);
        Assert.True(ok.Sent, ok.Detail);
        var body = JsonDocument.Parse(Assert.Single(fake.Bodies)).RootElement;
        var expected = JsonDocument.Parse(MetaWebhookTests.Fixture("meta-send-api-request.json")).RootElement;
        Assert.Equal(expected.GetProperty("messaging_type").GetString(), body.GetProperty("messaging_type").GetString());
        Assert.Equal(expected.GetProperty("message").GetProperty("text").GetString(), body.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal("987654321098765", body.GetProperty("recipient").GetProperty("id").GetString());
        Assert.False(body.TryGetProperty("tag", out _));
        Assert.Equal("Bearer page-token-for-tests", fake.Authorization);
        var detail = (await app.Services.GetRequiredService<InboxQueries>().GetAsync(threadId, false, default))!;
        Assert.Equal("sent", detail.Messages.Last().Status);

        // Past 24 hours: a person's reply goes as MESSAGE_TAG/HUMAN_AGENT, and Meta's refusal is shown as Meta words it.
        time.Advance(TimeSpan.FromHours(30));
        var error = JsonDocument.Parse(MetaWebhookTests.Fixture("meta-send-api-error-outside-window.json")).RootElement;
        fake.Next = (error.GetProperty("status").GetInt32(), error.GetProperty("body").GetRawText());
        var refused = await inbox.ReplyAsync(threadId, "Sorry for the slow reply - Dr. Lee can see you Tuesday at 4pm.", new("staff@test.local"), writtenByPerson: true, default);
        Assert.False(refused.Sent);
        Assert.Equal("outsideWindow", refused.Reason);
        Assert.Contains("(#10) This message is sent outside of allowed window.", refused.Detail, StringComparison.Ordinal);
        var tagged = JsonDocument.Parse(fake.Bodies.Last()).RootElement;
        var humanAgent = JsonDocument.Parse(MetaWebhookTests.Fixture("meta-send-api-request-human-agent.json")).RootElement;
        Assert.Equal(humanAgent.GetProperty("messaging_type").GetString(), tagged.GetProperty("messaging_type").GetString());
        Assert.Equal(humanAgent.GetProperty("tag").GetString(), tagged.GetProperty("tag").GetString());
        var failed = (await app.Services.GetRequiredService<InboxQueries>().GetAsync(threadId, false, default))!.Messages.Last();
        Assert.Equal("failed", failed.Status);
        Assert.Equal("(#10) This message is sent outside of allowed window.", failed.Error);

        // Through the API a provider error is a 502 problem naming Meta's message.
        fake.Next = (400, error.GetProperty("body").GetRawText());
        var admin = await app.CreateAdminClientAsync();
        var api = await admin.PostAsJsonAsync($"/api/v1/admin/social/threads/{threadId}/reply", new { text = "Another try", writtenBy = "person" });
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Contains("outside of allowed window", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_name_with_control_and_bidi_characters_names_the_thread_cleaned()
    {
        await using var fake = await FakeGraph.StartAsync();
        fake.ProfileName = "\u202EMaya\u0007\n\u001B  Chen\u2069";
        await using var app = NewApp(new FakeTimeProvider(Start)).With("Meta:PageAccessToken", "page-token-for-tests").With("Meta:GraphUrl", fake.Url + "/v21.0");
        var threadId = await ReceiveAsync(app, Start);
        Assert.Equal("Maya Chen", (await app.Services.GetRequiredService<InboxQueries>().GetAsync(threadId, false, default))!.Thread.Title);
    }

    /// <summary>A fake Graph API on loopback: answers the next queued response and records each body.</summary>
    private sealed class FakeGraph : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeGraph(WebApplication app) => _app = app;

        public (int Status, string Body) Next { get; set; } = (200, """{"recipient_id":"1","message_id":"m_1"}""");

        public List<string> Bodies { get; } = [];

        /// <summary>The name the User Profile API answers.</summary>
        public string ProfileName { get; set; } = "Maya Chen";

        public string? Authorization { get; private set; }

        public string Url => _app.Url();

        public static async Task<FakeGraph> StartAsync()
        {
            FakeGraph? fake = null;
            var app = await LoopbackServer.StartAsync(app =>
            {
                app.MapGet("/v21.0/{id}", (string id, HttpContext ctx) => ctx.Request.Query["fields"] == "name,username" && id == "987654321098765"
                    ? Results.Json(new { name = fake!.ProfileName, username = "maya.bakes", id })
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
