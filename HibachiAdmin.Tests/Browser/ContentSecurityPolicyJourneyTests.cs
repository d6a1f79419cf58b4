using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HibachiAdmin.Tests.Browser;

/// <summary>
/// The interactive app (Blazor Server circuit, MudBlazor) works under the content security policy, and every text on
/// the main pages is readable outdoors on a phone: WCAG AA contrast (<see cref="TextContrast"/>), checked on the same visits.
/// </summary>
[Collection(TestCollections.Journeys)]
public sealed class ContentSecurityPolicyJourneyTests
{
    /// <summary>
    /// What must never reach a screen (issue 24.8): the app's enum members whose name is not a word ("QrCode",
    /// "BusinessCard", "PendingConfirmation", "Sms") and the campaign hold reasons' stable words ("noConsent").
    /// </summary>
    private static readonly HashSet<string> CodeNames =
    [
        .. typeof(Program).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace?.StartsWith("HibachiAdmin.Features", StringComparison.Ordinal) == true)
            .SelectMany(Enum.GetNames).Where(n => n.Count(char.IsUpper) > 1 || n == "Sms"),
        .. typeof(HibachiAdmin.Features.Campaigns.HoldReasons).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!).Where(v => v.Any(char.IsUpper)),
    ];

    [BrowserFact]
    public async Task Every_main_page_renders_interactively_without_a_csp_refusal_and_every_text_meets_AA_contrast()
    {
        await using var app = await BrowserApp.StartAsync(f => f.With("Seed:Demo", "true"));
        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var unreadable = new List<string>();
        var codeNames = new List<string>();
        foreach (var path in new[] { "/", "/contacts", "/leads", "/inbox", "/bookings", "/calls", "/campaigns", "/campaigns/new", "/qr-codes", "/qr-codes/analytics", "/reviews", "/social/analytics", "/admin/users", "/admin/events" })
        {
            var response = await app.Page.GotoAsync(path);
            Assert.NotNull(response);
            Assert.Contains("nonce-", await response.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
            await app.WaitForCircuitAsync();
            await app.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            unreadable.AddRange((await TextContrast.FailuresAsync(app.Page)).Select(f => $"{path}: {f}"));
            var words = System.Text.RegularExpressions.Regex.Split(await app.Page.InnerTextAsync("body"), @"[^A-Za-z]+");
            codeNames.AddRange(words.Where(CodeNames.Contains).Distinct().Select(w => $"{path}: {w}"));
        }
        Assert.True(codeNames.Count == 0, "Code names on screen instead of their labels:\n" + string.Join('\n', codeNames));
        Assert.True(unreadable.Count == 0, "Text below WCAG AA contrast:\n" + string.Join('\n', unreadable));

        // The owner's desktop (1440 × 900): every stage of the lead board is on screen, and long columns scroll inside
        // the board instead of making the page thousands of pixels tall (a column's "show more" or the board's own
        // scrollbar stays in view).
        await app.Page.SetViewportSizeAsync(1440, 900);
        await app.Page.GotoAsync("/leads");
        await app.WaitForCircuitAsync();
        await app.Page.WaitForSelectorAsync("[data-testid=lead-column-lost]");
        var layout = await app.Page.EvaluateAsync<double[]>("""
            () => {
              const columns = [...document.querySelectorAll('[data-testid^=lead-column-]')].map(c => c.getBoundingClientRect());
              return [columns.length, Math.max(...columns.map(c => c.right)), window.innerWidth, document.documentElement.scrollHeight, window.innerHeight,
                      Math.max(...columns.map(c => c.bottom))];
            }
            """);
        Assert.True(layout[0] == 6 && layout[1] <= layout[2], $"{layout[0]} columns, the last ends at {layout[1]} px of {layout[2]}");
        Assert.True(layout[3] <= layout[4] && layout[5] <= layout[4], $"the page is {layout[3]} px tall, columns end at {layout[5]} px, in a {layout[4]} px window");
        // An interactive MudBlazor control (dialog) still opens: the circuit and MudBlazor's JS run.
        await app.Page.GotoAsync("/contacts");
        await app.WaitForCircuitAsync();
        await app.ClickUntilAsync("[data-testid=add-contact]", "input[data-testid=contact-name]");
        await Assertions.Expect(app.Page.Locator("input[data-testid=contact-name]")).ToBeVisibleAsync();
        // The job dashboard and the API reference render their own inline scripts; they still work.
        await app.Page.GotoAsync("/hangfire");
        await Assertions.Expect(app.Page.Locator("body")).ToContainTextAsync("Jobs");
        await app.Page.GotoAsync("/scalar/v1");
        await app.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        app.AssertNoCspViolations();
    }
}
