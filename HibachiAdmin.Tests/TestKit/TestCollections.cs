namespace HibachiAdmin.Tests.TestKit;

/// <summary>
/// Test classes run in parallel, one collection per class (xunit.runner.json sets how many at once). Test hosts
/// share nothing process-wide (each has its own Hangfire storage and activator, database file and port), so
/// only cost and timing decide what is grouped here; docs/testing.md lists who is where and why.
/// </summary>
public static class TestCollections
{
    /// <summary>
    /// Browser journeys in two chains (<see cref="Journeys"/> and <see cref="MoreJourneys"/>, about 150 s of journeys
    /// each), each one class after another, beside the rest of the suite. Each journey starts a Kestrel host and a
    /// browser context in the process's one chromium. One chain of all of them spanned 571 of the run's 602 s (a chain
    /// waits for a free test thread between its tests, like every collection), so it was the run's critical path;
    /// <see cref="LongestFirstOrderer"/> starts both first.
    /// </summary>
    public const string Journeys = "Browser journeys, one after another";

    /// <summary>The second chain of browser journeys (see <see cref="Journeys"/>).</summary>
    public const string MoreJourneys = "More browser journeys, one after another";

    /// <summary>
    /// Tests that start the app as a child process and SIGKILL it mid-burst: one after another (two cold app
    /// starts at once would each take twice as long), beside the rest.
    /// </summary>
    public const string ChildProcesses = "Child-process kill tests, one after another";
}

[CollectionDefinition(TestCollections.Journeys)]
public sealed class JourneysCollection;

[CollectionDefinition(TestCollections.MoreJourneys)]
public sealed class MoreJourneysCollection;

[CollectionDefinition(TestCollections.ChildProcesses)]
public sealed class ChildProcessesCollection;
