namespace HibachiAdmin.Tests.Infrastructure;

/// <summary>
/// Test classes run in parallel, one collection per class (xunit.runner.json sets how many at once). Test hosts
/// share nothing process-wide (each has its own Hangfire storage and activator, database file and port), so
/// only cost and timing decide what is grouped here; docs/testing.md lists who is where and why.
/// </summary>
public static class TestCollections
{
    /// <summary>
    /// Chromium journeys run one after another, alone, after every parallel collection: each starts a
    /// Kestrel host and a browser of several processes, and beside three in-process collections on a
    /// loaded two-core machine their page loads and circuits starved past Playwright's 30-second timeouts
    /// (two journeys failed that way in the first parallel run, load average 40). Alone they pass as before.
    /// </summary>
    public const string Browser = "Browser journeys";
}

[CollectionDefinition(TestCollections.Browser, DisableParallelization = true)]
public sealed class BrowserCollection;
