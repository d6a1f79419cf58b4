namespace HibachiAdmin.Tests.TestKit;

/// <summary>
/// The recorded payloads and data tables in <c>HibachiAdmin.Tests/Fixtures/</c> (copied next to the test assembly):
/// provider webhooks and API answers as the providers send them, and the rule tables the data-driven tests read.
/// </summary>
public static class Fixtures
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    public static Task<string> ReadAsync(string name, CancellationToken ct = default) => File.ReadAllTextAsync(PathOf(name), ct);

    public static byte[] ReadBytes(string name) => File.ReadAllBytes(PathOf(name));

    public static IEnumerable<string> ReadLines(string name) => File.ReadLines(PathOf(name));
}
