namespace HibachiAdmin.Tests.TestKit;

/// <summary>
/// Test classes run in parallel, one collection per class (xunit.runner.json sets how many at once). Test hosts
/// share nothing process-wide (each has its own Hangfire storage and activator, database file and port), so
/// only cost and timing decide what is grouped here; docs/testing.md lists who is where and why.
/// </summary>
public static class TestCollections
{
    /// <summary>
    /// Run one after another, alone, after every parallel collection: tests with wall-clock deadlines on work
    /// outside the test process. Chromium journeys start a Kestrel host and a browser of several processes;
    /// the kill test starts the app as a child process and gives it 30 s to become healthy. Beside three
    /// in-process collections on a loaded two-core machine (load average 40) both missed their deadlines
    /// in the first parallel run (three journeys at Playwright's 30 s, the child app's health check); alone
    /// they pass as they did before.
    /// </summary>
    public const string Serial = "Serial: browser journeys and process-level tests";
}

[CollectionDefinition(TestCollections.Serial, DisableParallelization = true)]
public sealed class SerialCollection;
