using System.Net;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>
/// Waits for an app started as a child process to answer <c>/healthz</c>. The limit is generous because the
/// process-level tests run beside the rest of the suite: a cold start (JIT, migrations) on a busy 2-core machine
/// takes seconds, and the tests assert what happens after the start, not how fast it is (bench/ measures that).
/// </summary>
public static class ChildAppHealth
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    public static Task WaitAsync(HttpClient http) => Eventually.UntilAsync(async () =>
    {
        try
        {
            return (await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }, "the app process to become healthy", Limit);
}
