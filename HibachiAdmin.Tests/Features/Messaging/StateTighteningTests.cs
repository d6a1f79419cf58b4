using Bunit;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Tests.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>
/// Admin &gt; Compliance: an Admin may make a state's hours stricter, never looser than the law in force, and the change
/// keeps who made it and why; the rules in force (every send, every preview) apply it at once; lifting it returns to the law.
/// </summary>
public sealed class StateTighteningTests : MudTestContext
{
    private readonly AppFactory _app = new AppFactory { Time = TestClock.Frozen() }.With("Hangfire:ProcessJobs", "false");
    private readonly IServiceScope _scope;

    public StateTighteningTests()
    {
        _scope = _app.Services.CreateScope();
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    protected override async ValueTask DisposeResourcesAsync()
    {
        _scope.Dispose();
        await _app.DisposeAsync();
    }

    private TextingRulesService Service => _app.Services.GetRequiredService<TextingRulesService>();

    private static DayWindow W(int from, int to) => new(TimeSpan.FromHours(from), TimeSpan.FromHours(to));

    private static readonly TimeZoneInfo[] Chicago = [TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")];

    [Fact]
    public async Task A_tightening_inside_the_law_is_kept_with_who_and_why_and_applies_to_every_send()
    {
        var errors = await Service.TightenAsync("tx", W(10, 20), W(10, 20), W(13, 20), "Neighbours complained about Sunday texts", new Actor("ann@hibachi.local"), default);
        Assert.Null(errors);
        var rules = await _app.Services.GetRequiredService<ITextingRulesSource>().CurrentAsync(default);
        var tightening = Assert.Single(rules.Tightenings);
        Assert.Equal(("TX", "ann@hibachi.local", "Neighbours complained about Sunday texts"), (tightening.State, tightening.By, tightening.Why));
        // Sunday 2026-12-06 12:30 CST: Texas allows it, the tightening holds it until 13:00.
        var window = rules.EarliestAllowed(new DateTime(2026, 12, 6, 18, 30, 0, DateTimeKind.Utc), ["TX"], Chicago);
        Assert.Equal(new DateTime(2026, 12, 6, 19, 0, 0, DateTimeKind.Utc), window.Earliest);
        Assert.Equal("TX-tightened:sunday", window.Explanation!.Rule);
        // The SMS service (booking reminders, confirmations) uses the same rules.
        var sms = _app.Services.GetRequiredService<ISmsService>();
        Assert.Equal(new DateTime(2026, 12, 6, 19, 0, 0, DateTimeKind.Utc),
            await sms.EarliestAllowedSendTimeAsync("(512) 555-0199", SmsPurpose.Marketing, new DateTime(2026, 12, 6, 18, 30, 0, DateTimeKind.Utc), null, default));

        Assert.Null(await Service.RemoveAsync("TX", "Complaints stopped", new Actor("bo@hibachi.local"), default));
        Assert.Empty((await Service.CurrentAsync(default)).Tightenings);
        var history = await Service.HistoryAsync(default);
        Assert.Equal([("TX", true, "bo@hibachi.local", "Complaints stopped"), ("TX", false, "ann@hibachi.local", "Neighbours complained about Sunday texts")],
            history.Select(h => (h.State, h.Removed, h.By, h.Why)));
    }

    [Fact]
    public async Task A_tightening_can_never_loosen_the_law_and_each_refusal_names_its_field()
    {
        // Texas opens at noon on Sundays; Alabama allows no Sunday texts at all; the note is required.
        var errors = await Service.TightenAsync("TX", W(9, 21), W(9, 21), W(11, 21), "earlier brunch", new Actor("ann@hibachi.local"), default);
        Assert.Equal(["sunday"], errors!.Keys);
        Assert.Contains("12:00–21:00", errors["sunday"][0], StringComparison.Ordinal);
        errors = await Service.TightenAsync("AL", W(8, 20), W(8, 20), W(12, 18), "Sunday lunch", new Actor("ann@hibachi.local"), default);
        Assert.Equal(["sunday"], errors!.Keys);
        errors = await Service.TightenAsync("NY", W(8, 22), W(8, 21), W(8, 21), " ", new Actor("ann@hibachi.local"), default);
        Assert.Equal(["weekday", "why"], errors!.Keys.Order());
        errors = await Service.TightenAsync("NY", W(12, 10), W(8, 21), W(8, 21), "typo", new Actor("ann@hibachi.local"), default);
        Assert.Equal(["weekday"], errors!.Keys);
        Assert.Equal(["state"], (await Service.TightenAsync("ZZ", null, null, null, "x", new Actor("ann@hibachi.local"), default))!.Keys);
        Assert.Empty(await Service.HistoryAsync(default));
    }

    [Fact]
    public async Task The_compliance_page_shows_the_table_in_force_with_sources_and_who_tightened_what()
    {
        Assert.Null(await Service.TightenAsync("CT", W(10, 19), W(10, 19), null, "Quiet weekends", new Actor("ann@hibachi.local"), default));
        var page = Render<CompliancePage>();
        page.WaitForAssertion(() => Assert.Contains("Connecticut", page.Markup, StringComparison.Ordinal));
        Assert.Contains("Conservative: every rule that does or may reach texts", page.Find("[data-testid=policy]").TextContent, StringComparison.Ordinal);
        var table = page.Find("[data-testid=rules-table]").TextContent;
        Assert.Contains("Tex. Bus. & Com. Code 301.051", table, StringComparison.Ordinal);
        Assert.Contains("https://codes.findlaw.com/ca/public-utilities-code/puc-sect-2872.html", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Not applied under this policy", table, StringComparison.Ordinal); // California's prerecorded-call rule
        Assert.Contains("Tightened by ann@hibachi.local", table, StringComparison.Ordinal);
        Assert.Contains("Quiet weekends", table, StringComparison.Ordinal);
        Assert.Contains("Independence Day (Jul 4)", table, StringComparison.Ordinal); // this year's dates of the holidays closed
        Assert.Contains("Central Standard Time", table, StringComparison.Ordinal); // Mississippi's reading, in its review note
        Assert.Contains("Quiet weekends", page.Find("[data-testid=rule-changes]").TextContent, StringComparison.Ordinal);
    }
}
