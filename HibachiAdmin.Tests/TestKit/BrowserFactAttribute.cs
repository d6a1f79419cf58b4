namespace HibachiAdmin.Tests.TestKit;

/// <summary>
/// A browser journey. Skipped, with the reason, only when Debian's chromium is not installed and
/// REQUIRE_BROWSER is not 1; CI sets REQUIRE_BROWSER=1, so there a missing browser fails the test.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && Environment.GetEnvironmentVariable("REQUIRE_BROWSER") != "1")
        {
            Skip = $"{ChromiumPath} is not installed (apt-get install chromium); set REQUIRE_BROWSER=1 to make this a failure.";
        }
        Timeout = 180_000;
    }
}
