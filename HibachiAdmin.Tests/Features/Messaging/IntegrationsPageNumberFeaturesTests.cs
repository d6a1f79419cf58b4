using System.Net;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.RingCentral;
using HibachiAdmin.Tests.Infrastructure.Providers;
using HibachiAdmin.Tests.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>
/// Admin > Integrations lists each number of the provider account with its features, read from the phone-number API
/// (RingCentralFake, loopback), cached in the database, refreshed on demand; the campaign number's missing A2PSmsSender
/// is shown in the words the campaign start refuses with.
/// </summary>
public sealed class IntegrationsPageNumberFeaturesTests
{
    private const string Conversation = "+12125550147";
    private const string Campaign = "+12125550199";

    private static AppFactory App(RingCentralFake fake) => StatusSyncTests.RingCentralApp(fake)
        .With("RingCentral:CampaignFromNumber", Campaign).With("RingCentral:Budgets:Other", "1000");

    [Fact]
    public async Task Each_number_is_listed_with_its_features_from_the_phone_number_api_and_the_page_says_why_campaigns_refuse_to_start()
    {
        await using var fake = await RingCentralFake.StartAsync();
        fake.NumberFeatures.Clear();
        fake.NumberFeatures[Conversation] = ["SmsSender", "CallerId"];
        fake.NumberFeatures[Campaign] = ["SmsSender", "CallerId"];
        fake.NumberFeatures["+12125550188"] = ["CallerId"];
        await using var app = App(fake);
        var directory = app.Services.GetRequiredService<PhoneNumberDirectory>();

        var before = await directory.GetAsync(default);
        Assert.Empty(before.Numbers);
        Assert.Null(before.RefreshedAt);
        Assert.Contains("not been read", before.CampaignProblem, StringComparison.Ordinal);

        Assert.True(await directory.RefreshAsync(default));
        Assert.Single(fake.Calls, c => c.Path == "/restapi/v1.0/account/~/extension/~/phone-number");
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var cached = await db.Set<ProviderNumber>().OrderBy(n => n.Number).ToListAsync();
            Assert.Equal(["+12125550147", "+12125550188", "+12125550199"], cached.Select(n => n.Number));
            Assert.Equal("SmsSender,CallerId", cached[0].Features);
            Assert.Equal("DirectNumber", cached[0].UsageType);
        }

        // Shown from the cache: no provider call, and the campaign problem is the start check's own sentence.
        var calls = fake.Calls.Count;
        var overview = await directory.GetAsync(default);
        Assert.Equal(calls, fake.Calls.Count);
        Assert.NotNull(overview.RefreshedAt);
        var startRefusal = await app.Services.GetRequiredService<SmsService>().CheckMarketingSenderAsync(default);
        Assert.NotNull(startRefusal);
        Assert.Equal(startRefusal, overview.CampaignProblem);
        Assert.Contains($"{Campaign} lacks the A2PSmsSender feature (it has: SmsSender, CallerId)", overview.CampaignProblem, StringComparison.Ordinal);
        var campaignRow = Assert.Single(overview.Numbers, n => n.Number == Campaign);
        Assert.True(campaignRow.IsCampaignNumber);
        Assert.False(campaignRow.IsConversationNumber);
        Assert.Contains("High Volume SMS (A2PSmsSender)", campaignRow.ToRegister, StringComparison.Ordinal);
        var conversationRow = Assert.Single(overview.Numbers, n => n.Number == Conversation);
        Assert.True(conversationRow.IsConversationNumber);
        Assert.Null(conversationRow.ToRegister);
        Assert.Null(Assert.Single(overview.Numbers, n => n.Number == "+12125550188").ToRegister);

        // The page, as an Admin sees it.
        var admin = await app.CreateAdminClientAsync();
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/integrations"));
        Assert.Contains("data-number=\"+12125550199\"", html, StringComparison.Ordinal);
        Assert.Contains("(212) 555-0199", html, StringComparison.Ordinal);
        Assert.Contains("Campaign number", html, StringComparison.Ordinal);
        Assert.Contains("Caller ID (CallerId)", html, StringComparison.Ordinal);
        Assert.Contains("Campaigns refuse to start: " + startRefusal, html, StringComparison.Ordinal);
        Assert.Contains("To register: Register it for High Volume SMS (A2PSmsSender)", html, StringComparison.Ordinal);

        // RingCentral enables High Volume SMS on the number; a refresh clears the problem and drops a number that left.
        fake.NumberFeatures[Campaign] = ["SmsSender", "A2PSmsSender"];
        fake.NumberFeatures.Remove("+12125550188");
        Assert.True(await directory.RefreshAsync(default));
        var after = await directory.GetAsync(default);
        Assert.Null(after.CampaignProblem);
        Assert.Null(await app.Services.GetRequiredService<SmsService>().CheckMarketingSenderAsync(default));
        Assert.Equal([Conversation, Campaign], after.Numbers.Select(n => n.Number));
        Assert.All(after.Numbers, n => Assert.Null(n.ToRegister));
        html = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/integrations"));
        Assert.DoesNotContain("Campaigns refuse to start", html, StringComparison.Ordinal);
        Assert.Contains("High Volume SMS (campaigns) (A2PSmsSender)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_read_keeps_the_last_list_and_says_why_and_a_configured_number_missing_from_the_account_is_listed()
    {
        await using var fake = await RingCentralFake.StartAsync();
        fake.NumberFeatures.Clear();
        fake.NumberFeatures[Conversation] = ["SmsSender", "A2PSmsSender"];
        await using var app = App(fake);
        var directory = app.Services.GetRequiredService<PhoneNumberDirectory>();
        Assert.True(await directory.RefreshAsync(default));
        var first = await directory.GetAsync(default);
        var missing = Assert.Single(first.Numbers, n => n.Number == Campaign);
        Assert.False(missing.OnAccount);
        Assert.True(missing.IsCampaignNumber);
        Assert.Contains("not on the provider account", missing.ToRegister, StringComparison.Ordinal);
        Assert.Contains($"{Campaign} does not belong to this RingCentral extension", first.CampaignProblem, StringComparison.Ordinal);

        fake.RetryAfterSeconds = 0;
        fake.Force429["light"] = RingCentralRateLimitHandler.MaxAttempts; // the fake counts the phone-number list as Light
        Assert.False(await directory.RefreshAsync(default));
        var after = await directory.GetAsync(default);
        Assert.Contains("CMN-301", after.LastError, StringComparison.Ordinal);
        Assert.Equal(first.RefreshedAt, after.RefreshedAt);
        Assert.Equal(first.Numbers, after.Numbers, (a, b) => a.Number == b.Number && a.Features.SequenceEqual(b.Features));

        // The job does what the button does, and a good read clears the error.
        using var scope = app.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<PhoneNumberRefreshJob>().RunAsync(default));
        Assert.Null((await directory.GetAsync(default)).LastError);
    }

    [Fact]
    public async Task The_sandbox_answers_with_its_one_number_and_every_feature_and_campaigns_need_none()
    {
        await using var app = new AppFactory().With("Hangfire:ProcessJobs", "false");
        var directory = app.Services.GetRequiredService<PhoneNumberDirectory>();
        Assert.True(await directory.RefreshAsync(default));
        var overview = await directory.GetAsync(default);
        var row = Assert.Single(overview.Numbers);
        Assert.Equal(SandboxSmsProvider.DefaultNumber, row.Number);
        Assert.Equal(["SmsSender", "A2PSmsSender", "CallerId"], row.Features);
        Assert.True(row.IsConversationNumber && row.IsCampaignNumber);
        Assert.Null(row.ToRegister);
        Assert.Null(overview.CampaignProblem);
    }
}
