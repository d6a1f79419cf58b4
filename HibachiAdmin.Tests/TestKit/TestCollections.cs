namespace HibachiAdmin.Tests.TestKit;

/// <summary>
/// Test classes run in parallel, one collection per class (xunit.runner.json sets how many at once). Test hosts
/// share nothing process-wide (each has its own Hangfire storage and activator, database file and port), so
/// only cost and timing decide what is grouped here; docs/testing.md lists who is where and why.
/// </summary>
public static class TestCollections
{
    /// <summary>
    /// Browser journeys, one after another, beside the rest of the suite. Each starts a Kestrel host and a
    /// browser context in the process's one chromium; two at once doubled chromium's share of a 2-core machine
    /// and made Playwright's waits the thing measured. The chain is the suite's longest, so
    /// <see cref="LongestFirstOrderer"/> starts it first.
    /// </summary>
    public const string Journeys = "Browser journeys, one after another";

    /// <summary>
    /// Tests that start the app as a child process and SIGKILL it mid-burst: one after another (two cold app
    /// starts at once would each take twice as long), beside the rest.
    /// </summary>
    public const string ChildProcesses = "Child-process kill tests, one after another";
}

[CollectionDefinition(TestCollections.Journeys)]
public sealed class JourneysCollection;

[CollectionDefinition(TestCollections.ChildProcesses)]
public sealed class ChildProcessesCollection;
