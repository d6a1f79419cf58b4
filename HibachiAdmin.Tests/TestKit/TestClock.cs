using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>
/// The suite's one frozen instant and the clock that starts there. Tests that depend on "now" use a
/// <see cref="FakeTimeProvider"/> from here, so every such test reads the same day unless it says otherwise.
/// </summary>
public static class TestClock
{
    /// <summary>Tuesday 2026-11-24, 15:00 UTC: 10:00 in New York, inside every state's SMS hours.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    /// <summary>A clock stopped at <see cref="Start"/> (or <paramref name="at"/>); it moves only when the test moves it.</summary>
    public static FakeTimeProvider Frozen(DateTimeOffset? at = null) => new(at ?? Start);
}
