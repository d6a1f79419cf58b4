namespace HibachiAdmin.Tests.Infrastructure;

/// <summary>
/// Test classes run in parallel, one collection per class (xunit.runner.json sets how many at once). Test hosts
/// share nothing process-wide (each has its own Hangfire storage and activator, database file and port), so
/// only cost and timing decide what is grouped here; docs/testing.md lists who is where and why.
/// </summary>
public static class TestCollections
{
    /// <summary>
    /// Chromium journeys, one after another: each starts a Kestrel host and a browser with several
    /// processes; two at once on two cores starve each other's circuits past Playwright's timeouts,
    /// while one at a time runs beside the in-process tests.
    /// </summary>
    public const string Browser = "Browser journeys";

    /// <summary>
    /// Run alone, after every parallel collection: tests whose assertion is a measurement that other work
    /// on the CPU would distort.
    /// </summary>
    public const string Serial = "Serial (timing-sensitive)";
}

[CollectionDefinition(TestCollections.Browser)]
public sealed class BrowserCollection;

[CollectionDefinition(TestCollections.Serial, DisableParallelization = true)]
public sealed class SerialCollection;
