using System.Diagnostics;

namespace HibachiAdmin.Bench;

/// <summary>Tuesday 16:00 UTC (11:00 in New York, 08:00 in Los Angeles) plus real elapsed time: every recipient is inside the window.</summary>
internal sealed class WeekdayMorning : TimeProvider
{
    private static readonly DateTimeOffset Base = new(2026, 12, 1, 16, 0, 0, TimeSpan.Zero);
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    public override DateTimeOffset GetUtcNow() => Base + _elapsed.Elapsed;
}
