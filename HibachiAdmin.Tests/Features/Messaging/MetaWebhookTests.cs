using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Meta;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>Shared by the Meta suites: the fixture secrets and signed requests.</summary>
public static class MetaWebhookTests
{
    public const string Secret = "test-app-secret-0f4b2c";
    public const string VerifyToken = "test-verify-token-7c21";

    public static string Fixture(string name) => Fixtures.Read(name);

    public static byte[] FixtureBytes(string name) => Fixtures.ReadBytes(name);

    public static HttpRequestMessage Signed(byte[] body, string? signature = "auto")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/meta/webhooks") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature == "auto" ? MetaSignature.Sign(body, Secret) : signature);
        }
        return request;
    }

    public static HttpRequestMessage Signed(string body) => Signed(Encoding.UTF8.GetBytes(body));
}

public sealed class MetaWebhookTestsOnSqlite : MetaWebhookTests<AppFactory>;

[RequiresPostgres]
public sealed class MetaWebhookTestsOnPostgres : MetaWebhookTests<PostgresAppFactory>;

/// <summary>Meta webhooks (CONTRACT.md, PROTOCOLS.md section 2): verification, signatures, exactly-once storage and every fixture's effect on the one inbox. Runs on both providers.</summary>
public abstract class MetaWebhookTests<TApp> : IAsyncLifetime
    where TApp : AppFactory, new()
{
    private const string Secret = MetaWebhookTests.Secret;
    private const string VerifyToken = MetaWebhookTests.VerifyToken;

    private readonly AppFactory _app = new TApp()
        .With("Meta:AppSecret", Secret).With("Meta:VerifyToken", VerifyToken).With("Hangfire:ProcessJobs", "false");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string Fixture(string name) => MetaWebhookTests.Fixture(name);

    private static byte[] FixtureBytes(string name) => MetaWebhookTests.FixtureBytes(name);

    private static HttpRequestMessage Signed(byte[] body, string? signature = "auto") => MetaWebhookTests.Signed(body, signature);

    private static HttpRequestMessage Signed(string body) => MetaWebhookTests.Signed(body);

    private async Task<HttpStatusCode> PostFixtureAsync(string name) => (await _app.CreateClient().SendAsync(Signed(FixtureBytes(name)))).StatusCode;

    private async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await read(db);
    }

    [Fact]
    public async Task Verification_echoes_the_challenge_as_text_only_for_the_right_token()
    {
        var fixture = JsonDocument.Parse(Fixture("meta-webhook-verify.json")).RootElement;
        var q = fixture.GetProperty("request").GetProperty("query");
        var client = _app.CreateClient();
        var ok = await client.GetAsync($"/api/v1/meta/webhooks?hub.mode=subscribe&hub.verify_token={q.GetProperty("hub.verify_token").GetString()}&hub.challenge={q.GetProperty("hub.challenge").GetString()}");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("text/plain", ok.Content.Headers.ContentType?.MediaType);
        Assert.Equal(fixture.GetProperty("expectedResponse").GetProperty("body").GetString(), await ok.Content.ReadAsStringAsync());
        var wrong = await client.GetAsync("/api/v1/meta/webhooks?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        var noMode = await client.GetAsync($"/api/v1/meta/webhooks?hub.verify_token={VerifyToken}&hub.challenge=1");
        Assert.Equal(HttpStatusCode.Forbidden, noMode.StatusCode);
    }

    [Fact]
    public void Signature_vectors_hold_over_the_raw_bytes()
    {
        var vectors = JsonDocument.Parse(Fixture("meta-signature-vectors.json")).RootElement;
        var secret = vectors.GetProperty("appSecret").GetString()!;
        Assert.Equal(Secret, secret);
        foreach (var v in vectors.GetProperty("vectors").EnumerateArray())
        {
            var body = v.TryGetProperty("bodyFile", out var file) ? FixtureBytes(file.GetString()!) : Encoding.UTF8.GetBytes(v.GetProperty("rawBody").GetString()!);
            if (v.TryGetProperty("bodyBytes", out var length))
            {
                Assert.Equal(length.GetInt32(), body.Length);
            }
            var header = v.GetProperty("header").TryGetProperty("X-Hub-Signature-256", out var h) ? h.GetString() : null;
            Assert.True(v.GetProperty("expectValid").GetBoolean() == MetaSignature.IsValid(body, header, secret), v.GetProperty("name").GetString());
            if (v.TryGetProperty("signatureOfThisBody", out var own))
            {
                Assert.Equal(own.GetString(), MetaSignature.Sign(body, secret));
            }
        }
        Assert.False(MetaSignature.IsValid("{}"u8, "sha256=zz", secret));
        Assert.False(MetaSignature.IsValid("{}"u8, "sha1=" + new string('0', 64), secret));
    }

    [Fact]
    public async Task The_webhook_checks_every_signature_vector_and_stores_nothing_unsigned()
    {
        var vectors = JsonDocument.Parse(Fixture("meta-signature-vectors.json")).RootElement;
        var client = _app.CreateClient();
        foreach (var v in vectors.GetProperty("vectors").EnumerateArray())
        {
            var body = v.TryGetProperty("bodyFile", out var file) ? FixtureBytes(file.GetString()!) : Encoding.UTF8.GetBytes(v.GetProperty("rawBody").GetString()!);
            var header = v.GetProperty("header").TryGetProperty("X-Hub-Signature-256", out var h) ? h.GetString() : null;
            if (v.GetProperty("expectValid").GetBoolean())
            {
                continue;
            }
            var response = await client.SendAsync(Signed(body, header));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        // Forged: a valid signature of another body.
        var forged = await client.SendAsync(Signed(FixtureBytes("meta-instagram-message.json"), MetaSignature.Sign(FixtureBytes("meta-messenger-message.json"), Secret)));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(0, await DbAsync(db => db.Set<InboundEvent>().CountAsync()));

        // The escaped-unicode body exactly as Meta signed it is accepted.
        var escaped = vectors.GetProperty("vectors")[2];
        var accepted = await client.SendAsync(Signed(Encoding.UTF8.GetBytes(escaped.GetProperty("rawBody").GetString()!), escaped.GetProperty("header").GetProperty("X-Hub-Signature-256").GetString()));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await Pipeline.RunToCompletionAsync(_app.Services);
        Assert.Equal("¿Abren el sábado?", await DbAsync(db => db.Set<ConversationMessage>().Select(m => m.Text).SingleAsync()));
    }

    [Fact]
    public async Task Without_an_app_secret_posts_are_refused_and_bad_bodies_are_4xx()
    {
        await using var unconfigured = new TApp().With("Hangfire:ProcessJobs", "false");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await unconfigured.CreateClient().SendAsync(Signed(FixtureBytes("meta-messenger-message.json")))).StatusCode);
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(Signed("{not json"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(Signed("""{"object":"page","entry":{}}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(Signed("""{"object":"whatsapp","entry":[]}"""))).StatusCode);
        Assert.Equal(0, await DbAsync(db => db.Set<InboundEvent>().CountAsync()));
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 })] // a lead byte without its continuation
    [InlineData(new byte[] { 0xFF })] // never in UTF-8
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a lone surrogate, encoded
    [InlineData(new byte[] { 0xC0, 0xAF })] // an overlong "/"
    public async Task A_correctly_signed_body_that_is_not_UTF8_is_a_400_problem_and_nothing_is_stored(byte[] bad)
    {
        // Issue 21 finding 9: the signature held, then reading the text answered 500.
        var fixture = FixtureBytes("meta-messenger-message.json");
        // Inside the message's text (the fixture is ASCII up to there, so the char index is the byte index).
        var at = Encoding.UTF8.GetString(fixture).IndexOf("Hi, are you open", StringComparison.Ordinal) + 2;
        Assert.True(at > 2, "the fixture has its message text");
        var body = fixture[..at].Concat(bad).Concat(fixture[at..]).ToArray();
        var response = await _app.CreateClient().SendAsync(Signed(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await DbAsync(db => db.Set<InboundEvent>().CountAsync()));
        // The same body, valid again, is stored: nothing of the refused one was kept.
        Assert.Equal(HttpStatusCode.OK, await PostFixtureAsync("meta-messenger-message.json"));
        Assert.Equal(1, await DbAsync(db => db.Set<InboundEvent>().CountAsync()));
    }

    [Fact]
    public async Task A_redelivered_mid_is_stored_and_processed_once()
    {
        Assert.Equal(HttpStatusCode.OK, await PostFixtureAsync("meta-messenger-message.json"));
        Assert.Equal(HttpStatusCode.OK, await PostFixtureAsync("meta-messenger-message.json"));
        // Same mid in another envelope (Meta retries with a new entry time).
        var again = Fixture("meta-messenger-message.json").Replace("1710428966123", "1710428999999", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().SendAsync(Signed(again))).StatusCode);
        await Pipeline.RunToCompletionAsync(_app.Services);
        Assert.Equal(1, await DbAsync(db => db.Set<InboundEvent>().CountAsync()));
        Assert.Equal(1, await DbAsync(db => db.Set<ConversationMessage>().CountAsync()));
        Assert.Equal(1, await DbAsync(db => db.Set<ConversationThread>().Select(t => t.UnreadCount).SingleAsync()));
    }

    [Fact]
    public async Task Every_meta_fixture_lands_in_the_one_inbox_with_its_marks()
    {
        foreach (var name in new[] { "meta-messenger-message.json", "meta-messenger-attachment.json", "meta-messenger-echo.json", "meta-messenger-delivery.json" })
        {
            Assert.Equal(HttpStatusCode.OK, await PostFixtureAsync(name));
            await Pipeline.RunToCompletionAsync(_app.Services);
        }
        var echoMid = "m_Zk9sYWtlTWlkMDAwMwfakefakefakefakefakefakefake";
        Assert.Equal(MessageStatus.Delivered, await DbAsync(db => db.Set<ConversationMessage>().Where(m => m.ExternalId == echoMid).Select(m => m.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, await PostFixtureAsync("meta-messenger-read.json"));
        await Pipeline.RunToCompletionAsync(_app.Services);

        var admin = await _app.CreateAdminClientAsync();
        var facebook = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/social/inbox?platform=facebook")).GetProperty("items");
        var thread = Assert.Single(facebook.EnumerateArray());
        Assert.Equal("Yes! We're open 9-2 on Saturday.", thread.GetProperty("lastMessagePreview").GetString());
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/social/threads/{thread.GetProperty("id").GetString()}");
        var messages = detail.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(3, messages.Count);
        Assert.Equal("Hi, are you open Saturday?", messages[0].GetProperty("text").GetString());
        Assert.Equal("https://cdn.example.test/meta/attachments/xray-note.jpg", messages[1].GetProperty("attachments")[0].GetProperty("url").GetString());
        Assert.Equal("image", messages[1].GetProperty("attachments")[0].GetProperty("type").GetString());
        Assert.Equal("outbound", messages[2].GetProperty("direction").GetString(), ignoreCase: true);
        Assert.Equal("read", messages[2].GetProperty("status").GetString());
        Assert.Equal("Meta app", messages[2].GetProperty("sentBy").GetString());

        // Instagram: the message, our echo (sent from the Instagram app), then "seen" naming it.
        Assert.Equal(HttpStatusCode.OK, await PostFixtureAsync("meta-instagram-message.json"));
        var replyMid = JsonDocument.Parse(Fixture("meta-instagram-seen.json")).RootElement.GetProperty("entry")[0].GetProperty("messaging")[0].GetProperty("read").GetProperty("mid").GetString();
        var echo = $$$"""{"object":"instagram","entry":[{"id":"17841400000012345","time":1710430250000,"messaging":[{"sender":{"id":"17841400000012345"},"recipient":{"id":"987654321098765"},"timestamp":1710430250000,"message":{"mid":"{{{replyMid}}}","text":"No walk-ins: we come to you!","is_echo":true}}]}]}""";
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().SendAsync(Signed(echo))).StatusCode);
        await Pipeline.RunToCompletionAsync(_app.Services);
        Assert.Equal(HttpStatusCode.OK, await PostFixtureAsync("meta-instagram-seen.json"));
        await Pipeline.RunToCompletionAsync(_app.Services);
        var instagram = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/social/inbox?platform=instagram")).GetProperty("items");
        var ig = Assert.Single(instagram.EnumerateArray());
        var igDetail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/social/threads/{ig.GetProperty("id").GetString()}");
        var igMessages = igDetail.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal("Do you take walk-ins?", igMessages[0].GetProperty("text").GetString());
        Assert.Equal("read", igMessages[1].GetProperty("status").GetString());

        // One inbox: both threads (and SMS ones) in the one list.
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/social/inbox")).GetProperty("total").GetInt32());
        var outcomes = await DbAsync(db => db.Set<InboundEvent>().Select(e => e.Outcome!).ToListAsync());
        Assert.All(outcomes, o => Assert.DoesNotContain("ignored", o, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reactions_and_story_replies_are_messages_in_context()
    {
        // We asked "Is Friday 2 pm good?" from the Instagram app; the customer answers with a thumbs-up.
        const string ours = "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMDAwMDEyMzQ1OmZyaWRheQ==";
        var echo = $$$"""{"object":"instagram","entry":[{"id":"17841400000012345","time":1710430000000,"messaging":[{"sender":{"id":"17841400000012345"},"recipient":{"id":"987654321098765"},"timestamp":1710430000000,"message":{"mid":"{{{ours}}}","text":"Is Friday 2 pm good?","is_echo":true}}]}]}""";
        var reaction = $$$"""{"object":"instagram","entry":[{"id":"17841400000012345","time":1710430100000,"messaging":[{"sender":{"id":"987654321098765"},"recipient":{"id":"17841400000012345"},"timestamp":1710430100000,"reaction":{"mid":"{{{ours}}}","action":"react","reaction":"like","emoji":"👍"}}]}]}""";
        var story = """{"object":"instagram","entry":[{"id":"17841400000012345","time":1710430200000,"messaging":[{"sender":{"id":"987654321098765"},"recipient":{"id":"17841400000012345"},"timestamp":1710430200000,"message":{"mid":"aWdfZAG1faXRlbTpzdG9yeXJlcGx5","text":"That fire show!! 🔥","reply_to":{"story":{"url":"https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1","id":"1799"}}}}]}]}""";
        foreach (var body in new[] { echo, reaction, reaction, story })
        {
            Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().SendAsync(Signed(body))).StatusCode);
        }
        await Pipeline.RunToCompletionAsync(_app.Services);
        var inbox = _app.Services.GetRequiredService<InboxQueries>();
        var list = await inbox.ListAsync(new ThreadQuery(Platform.Instagram), default);
        var detail = (await inbox.GetAsync(Assert.Single(list.Items).Id, markRead: false, default))!;
        Assert.Equal(3, detail.Messages.Count);
        var thumbs = detail.Messages[1];
        Assert.Equal(MessageKind.Reaction, thumbs.Kind);
        Assert.Equal("👍", thumbs.Text);
        Assert.Equal("Is Friday 2 pm good?", thumbs.ReplyToText);
        Assert.Equal(MessageKind.StoryReply, detail.Messages[2].Kind);
        Assert.Contains(detail.Messages[2].Attachments, a => a.Type == "story");
        Assert.Equal("Replied to your story: That fire show!! 🔥", detail.Thread.LastMessagePreview);
        // The reaction counts as the customer writing: the thread waits on us.
        Assert.NotNull(detail.Thread.WaitingSince);
    }
}

/// <summary>
/// <c>X-Hub-Signature-256</c> header forms that must be refused (and the ones that must not), checked on
/// <see cref="MetaSignature"/> directly: a webhook post with any of them is not Meta's.
/// </summary>
public sealed class MetaWebhookTestsOfSignatureHeaders
{
    private const string Secret = MetaWebhookTests.Secret;
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"object":"page","entry":[]}""");
    private static readonly string Good = MetaSignature.Sign(Body, Secret);

    [Fact]
    public void The_right_signature_passes_with_any_case_of_prefix_and_hex_digits()
    {
        Assert.StartsWith("sha256=", Good, StringComparison.Ordinal);
        Assert.Equal("sha256=".Length + 64, Good.Length);
        Assert.True(MetaSignature.IsValid(Body, Good, Secret));
        Assert.True(MetaSignature.IsValid(Body, "SHA256=" + Good["sha256=".Length..], Secret));
        Assert.True(MetaSignature.IsValid(Body, "sha256=" + Good["sha256=".Length..].ToUpperInvariant(), Secret));
    }

    [Fact]
    public void A_missing_header_or_app_secret_refuses_everything()
    {
        Assert.False(MetaSignature.IsValid(Body, null, Secret));
        Assert.False(MetaSignature.IsValid(Body, "", Secret));
        // Without an app secret even a header made with the empty key is refused.
        Assert.False(MetaSignature.IsValid(Body, MetaSignature.Sign(Body, ""), ""));
    }

    [Fact]
    public void Another_algorithm_or_a_bare_digest_is_refused()
    {
        var hex = Good["sha256=".Length..];
        Assert.False(MetaSignature.IsValid(Body, "sha1=" + hex, Secret));
        Assert.False(MetaSignature.IsValid(Body, "sha512=" + hex, Secret));
        Assert.False(MetaSignature.IsValid(Body, hex, Secret));
        Assert.False(MetaSignature.IsValid(Body, "sha256:" + hex, Secret));
        Assert.False(MetaSignature.IsValid(Body, " sha256=" + hex, Secret));
    }

    [Fact]
    public void A_digest_one_character_short_or_long_is_refused()
    {
        Assert.False(MetaSignature.IsValid(Body, Good[..^1], Secret));
        Assert.False(MetaSignature.IsValid(Body, Good + "0", Secret));
        Assert.False(MetaSignature.IsValid(Body, Good + " ", Secret));
        Assert.False(MetaSignature.IsValid(Body, Good[..^2], Secret));
        Assert.False(MetaSignature.IsValid(Body, "sha256=", Secret));
    }

    [Fact]
    public void Non_hex_characters_are_refused_even_when_the_bytes_before_them_are_right()
    {
        Assert.False(MetaSignature.IsValid(Body, "sha256=" + new string('g', 64), Secret));
        // A body whose HMAC ends in a zero byte: a header with the right first 31 bytes and two non-hex
        // characters must not pass on the strength of an unfilled (zero) last byte.
        var body = Enumerable.Range(0, 100_000).Select(i => Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"))
            .First(b => System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), b)[31] == 0);
        var good = MetaSignature.Sign(body, Secret);
        Assert.True(MetaSignature.IsValid(body, good, Secret));
        Assert.False(MetaSignature.IsValid(body, good[..^2] + "zz", Secret));
        Assert.False(MetaSignature.IsValid(body, good[..^2] + "0g", Secret));
    }

    [Fact]
    public void A_signature_of_another_body_or_with_another_secret_is_refused()
    {
        Assert.False(MetaSignature.IsValid("{}"u8, Good, Secret));
        Assert.False(MetaSignature.IsValid(Body, MetaSignature.Sign(Body, Secret + "x"), Secret));
    }
}
