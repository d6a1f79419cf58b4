using Microsoft.Playwright;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>
/// The app on a real Kestrel port over its own SQLite file, and Debian's chromium driven by
/// Playwright (never a downloaded browser). One per test: journeys change data and lock accounts. Each gets its
/// own browser context (cookies, storage and cache of its own, like a new profile) in one chromium per test
/// process: starting the Playwright driver and chromium for every journey cost seconds of the serial collection.
/// </summary>
public sealed class BrowserApp : IAsyncDisposable
{
    private static readonly SemaphoreSlim BrowserLock = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    // Playwright's web-first assertions (Expect(...).ToBe…) wait 5 s by default, which a loaded 2-core machine exceeds
    // between a click and its re-render (a quote's customer link after "Send quote" took longer at load 30). They wait as
    // long as the circuit wait instead; a failing assertion still fails, only later.
    static BrowserApp() => Assertions.SetDefaultExpectTimeout(60_000);

    private BrowserApp(AppFactory factory) => Factory = factory;

    public AppFactory Factory { get; }
    public string BaseUrl { get; private set; } = "";
    public IBrowserContext Context { get; private set; } = default!;
    public IPage Page { get; private set; } = default!;

    /// <summary>Console reports of content-security-policy refusals (the app must work under its CSP).</summary>
    public List<string> CspViolations { get; } = [];

    public void AssertNoCspViolations() =>
        Assert.True(CspViolations.Count == 0, "Content security policy refused:\n" + string.Join('\n', CspViolations));

    public static async Task<BrowserApp> StartAsync(Action<AppFactory>? configure = null)
    {
        if (!File.Exists(BrowserFactAttribute.ChromiumPath))
        {
            throw new InvalidOperationException($"REQUIRE_BROWSER=1 but {BrowserFactAttribute.ChromiumPath} is missing: apt-get install chromium.");
        }
        var factory = new AppFactory();
        configure?.Invoke(factory);
        factory.UseKestrel(0);
        factory.StartServer();
        var app = new BrowserApp(factory)
        {
            BaseUrl = factory.ClientOptions.BaseAddress.ToString().TrimEnd('/'),
        };
        app.Context = await (await BrowserAsync()).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
        });
        // As long as the circuit wait: on a loaded 2-core machine a save and its navigation took over 20 s (CI beside two Stryker runs, load 30).
        app.Context.SetDefaultTimeout(60_000);
        app.Page = await app.Context.NewPageAsync();
        app.Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (app.CspViolations)
                {
                    app.CspViolations.Add(message.Text);
                }
            }
        };
        return app;
    }

    /// <summary>The test process's chromium, started on first use (again if it went away).</summary>
    private static async Task<IBrowser> BrowserAsync()
    {
        await BrowserLock.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }
            if (_playwright is null)
            {
                _playwright = await Playwright.CreateAsync();
                // The driver takes chromium with it when it stops.
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _playwright.Dispose();
            }
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = BrowserFactAttribute.ChromiumPath,
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            return _browser;
        }
        finally
        {
            BrowserLock.Release();
        }
    }

    /// <summary>Signs in through the static sign-in form and waits for the interactive shell.</summary>
    public async Task SignInAsync(string email, string password, bool expectSuccess = true)
    {
        await Page.GotoAsync("/Account/Login");
        await Page.FillAsync("#Input\\.Email", email);
        await Page.FillAsync("#Input\\.Password", password);
        await Page.ClickAsync("#login-submit");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (expectSuccess)
        {
            await WaitForCircuitAsync();
        }
    }

    /// <summary>Waits until Blazor's interactive circuit is connected, so clicks reach C# handlers.</summary>
    public async Task WaitForCircuitAsync()
    {
        // The layout marks itself when it renders over the live circuit (RendererInfo.IsInteractive): from then on
        // clicks reach C# handlers. Prerendered HTML says "prerendered". A timeout fails with Playwright's message.
        await Page.WaitForSelectorAsync(".mud-layout[data-circuit=interactive]", new() { Timeout = 60_000 });
    }

    /// <summary>
    /// Clicks until <paramref name="until"/> appears: the first click can land before the circuit
    /// wires its handlers (prerendered HTML looks ready earlier than it is).
    /// </summary>
    public async Task ClickUntilAsync(string selector, string until, int attempts = 10)
    {
        for (var i = 0; i < attempts; i++)
        {
            await Page.ClickAsync(selector);
            try
            {
                await Page.WaitForSelectorAsync(until, new() { Timeout = 2_000 });
                return;
            }
            catch (TimeoutException) when (i < attempts - 1)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Context is not null)
        {
            await Context.CloseAsync();
        }
        await Factory.DisposeAsync();
    }
}
