using System.Text;
using HibachiAdmin.Infrastructure.Providers.Meta;
using HibachiAdmin.Tests.Features.Messaging;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HibachiAdmin.Tests.Browser;

/// <summary>The inbox as staff use it: live updates without a reload, Instagram to lead, and the phone layout.</summary>
[Collection(TestCollections.MoreJourneys)]
public sealed class SocialInboxJourneyTests
{
    private static Task<BrowserApp> StartAsync() => BrowserApp.StartAsync(f => f
        .With("Meta:AppSecret", MetaWebhookTests.Secret).With("Meta:VerifyToken", MetaWebhookTests.VerifyToken)
        .With("RingCentral:VerificationToken", "journey-token"));

    private static string InstagramMessage(string mid, string text)
    {
        var ms = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return $$$"""{"object":"instagram","entry":[{"id":"17841400000012345","time":{{{ms}}},"messaging":[{"sender":{"id":"987654321098765"},"recipient":{"id":"17841400000012345"},"timestamp":{{{ms}}},"message":{"mid":"{{{mid}}}","text":"{{{text}}}"}}]}]}""";
    }

    [BrowserFact]
    public async Task An_inbound_text_appears_in_an_open_inbox_without_reload()
    {
        await using var app = await StartAsync();
        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        await app.Page.GotoAsync("/inbox");
        await app.WaitForCircuitAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=inbox-waiting-count]")).ToHaveCountAsync(0);

        var body = Fixtures.Read("ringcentral-inbound-sms.json")
            .Replace("Hi, can I move my cleaning to Friday morning?", "Are you free Dec 6 for 12 people?", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ringcentral/webhooks/sms") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Verification-Token", "journey-token");
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        Assert.True((await http.SendAsync(request)).IsSuccessStatusCode);

        // No navigation, no refresh button: the row and the menu's waiting count arrive by themselves.
        var row = app.Page.Locator("[data-testid=thread-list] .inbox-row", new() { HasText = "Are you free Dec 6" });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(app.Page.Locator("[data-testid=inbox-waiting-count]")).ToHaveTextAsync("1");
        await row.ClickAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=thread-view] [data-testid=message]", new() { HasText = "12 people" })).ToBeVisibleAsync();
        await Assertions.Expect(app.Page.Locator(".inbox-row.selected")).ToHaveCountAsync(1);
        // Reading is not answering: the customer is still waiting until someone replies.
        await Assertions.Expect(app.Page.Locator("[data-testid=inbox-waiting-count]")).ToHaveTextAsync("1");
        var box = app.Page.Locator("textarea[data-testid=reply-text], [data-testid=reply-text] textarea");
        await box.FillAsync("Yes, Dec 6 works for 12. Want me to hold it?");
        var send = app.Page.Locator("[data-testid=send-reply]");
        await Assertions.Expect(send).ToBeEnabledAsync();
        await send.ClickAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=thread-view] .bubble.out", new() { HasText = "Want me to hold it?" })).ToBeVisibleAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=inbox-waiting-count]")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        app.AssertNoCspViolations();
    }

    [BrowserFact]
    public async Task An_instagram_message_becomes_a_reply_and_a_lead_on_the_board()
    {
        await using var app = await StartAsync();
        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        await app.Page.GotoAsync("/inbox");
        await app.WaitForCircuitAsync();

        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var webhook = MetaWebhookTests.Signed(InstagramMessage("mid-journey-1", "Hi! Hibachi for my husband's birthday Dec 14, 18 guests, we're in 11215?"));
        Assert.True((await http.SendAsync(webhook)).IsSuccessStatusCode);

        var row = app.Page.Locator("[data-testid=thread-list] .inbox-row", new() { HasText = "husband's birthday" });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await row.ClickAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=window]")).ToContainTextAsync("Reply window");

        await app.Page.ClickAsync("[data-testid=suggest]");
        var suggestion = app.Page.Locator("[data-testid=suggestion]").First;
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        var suggested = (await suggestion.InnerTextAsync()).Trim();
        await suggestion.ClickAsync();
        var box = app.Page.Locator("textarea[data-testid=reply-text], [data-testid=reply-text] textarea");
        await Assertions.Expect(box).ToHaveValueAsync(suggested);
        // Enter sends.
        await box.FocusAsync();
        await box.PressAsync("End");
        await box.PressAsync("Enter");
        var sandbox = app.Factory.Services.GetRequiredService<SandboxMetaProvider>();
        await Eventually.UntilAsync(() => Task.FromResult(sandbox.Sent.Count), n => n == 1, "the sandbox to record the reply");
        Assert.Equal(suggested, Assert.Single(sandbox.Sent).Text);
        Assert.Equal("987654321098765", sandbox.Sent.Single().RecipientId);
        var ours = app.Page.Locator("[data-testid=thread-view] .bubble.out", new() { HasText = suggested[..20] });
        await Assertions.Expect(ours).ToBeVisibleAsync();
        // The sandbox simulates Meta's receipts: the mark moves on to read by itself.
        await Assertions.Expect(ours.Locator("[data-testid=mark-read]")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await app.Page.ClickAsync("[data-testid=convert-to-lead]");
        await Assertions.Expect(app.Page.Locator("[data-testid=thread-lead]")).ToContainTextAsync("18 guests");

        await app.Page.GotoAsync("/leads");
        await app.WaitForCircuitAsync();
        var card = app.Page.Locator("[data-testid=lead-column-new] .lead-card", new() { HasText = "Instagram user" });
        await Assertions.Expect(card).ToBeVisibleAsync();
        await Assertions.Expect(card).ToContainTextAsync("18 guests");
        app.AssertNoCspViolations();
    }

    [BrowserFact]
    public async Task On_a_phone_the_inbox_goes_list_then_conversation_without_overflow()
    {
        await using var app = await BrowserApp.StartAsync(f => f.With("Seed:Demo", "true"));
        await app.Page.SetViewportSizeAsync(390, 844);
        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        await app.Page.GotoAsync("/inbox");
        await app.WaitForCircuitAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=thread-list]")).ToBeVisibleAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=thread-view]")).ToHaveCountAsync(0);
        Assert.True(await app.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "inbox list overflows at 390 px");

        await app.Page.Locator("[data-testid=thread-list] .inbox-row", new() { HasText = "Priya Shah" }).ClickAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=thread-view]")).ToBeVisibleAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=thread-list]")).ToBeHiddenAsync();
        // The 👍 to our question is shown as an answer in context.
        await Assertions.Expect(app.Page.Locator("[data-testid=message]", new() { HasText = "reacted 👍 to “Congratulations! Is Friday 2 pm good?”" })).ToBeVisibleAsync();
        Assert.True(await app.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "conversation overflows at 390 px");
        await app.Page.ClickAsync("[data-testid=back-to-list]");
        await Assertions.Expect(app.Page.Locator("[data-testid=thread-list]")).ToBeVisibleAsync();
    }
}
