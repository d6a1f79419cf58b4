using HibachiAdmin.Features.Messaging;

namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>
/// Recipient-local sending windows for marketing and scheduled texts (47 CFR 64.1200(c)(1); Fla. Stat.
/// 501.059(8); Okla. Stat. tit. 15 §775C.4; Md. Com. Law §14-4504; Tex. Bus. &amp; Com. Code §304.151;
/// vectors in HibachiAdmin.Tests/Fixtures/us-sms-quiet-hours.json): federal 08:00–21:00; Florida, Oklahoma and Maryland 08:00–20:00; Texas
/// 09:00–21:00 Monday–Saturday and 12:00–21:00 Sunday. Start inclusive, end exclusive. When a number
/// can be in two zones, the send must fit both.
/// </summary>
public static class QuietHours
{
    private static readonly TimeOnly FederalStart = new(8, 0);
    private static readonly TimeOnly FederalEnd = new(21, 0);

    /// <summary>Pseudo-state for a recipient whose state is unknown: the latest start and earliest end of every rule.</summary>
    public const string Strictest = "*";

    public static (TimeOnly Start, TimeOnly End) WindowFor(string? state, DayOfWeek day) => state?.ToUpperInvariant() switch
    {
        Strictest => day == DayOfWeek.Sunday ? (new TimeOnly(12, 0), new TimeOnly(20, 0)) : (new TimeOnly(9, 0), new TimeOnly(20, 0)),
        "FL" or "OK" or "MD" => (new TimeOnly(8, 0), new TimeOnly(20, 0)),
        "TX" => day == DayOfWeek.Sunday ? (new TimeOnly(12, 0), new TimeOnly(21, 0)) : (new TimeOnly(9, 0), new TimeOnly(21, 0)),
        _ => (FederalStart, FederalEnd),
    };

    public static bool IsAllowed(DateTime utc, string? state, IReadOnlyList<TimeZoneInfo> zones) =>
        zones.All(zone => InWindow(TimeZoneInfo.ConvertTimeFromUtc(utc, zone), state));

    /// <summary>
    /// How far ahead <see cref="EarliestAllowed"/> looks. A year holds every DST season, so zones whose windows
    /// do not meet within it never do (a toll-free number's zones under the strictest rule meet only while
    /// the US is on standard time: a search in spring ends in November).
    /// </summary>
    public const int HorizonDays = 366;

    /// <summary>
    /// The first instant at or after <paramref name="notBeforeUtc"/> inside the window in every zone. Each
    /// round moves the candidate, zone by zone, to the next window start of every zone it is outside of,
    /// until it is inside them all; no move skips an allowed instant. When the zones' windows never meet (a
    /// 12-hour window in zones 12 hours apart) it stops at the first candidate <see cref="HorizonDays"/> or
    /// more days ahead, which is not allowed, so a caller that re-checks it keeps holding the text.
    /// </summary>
    public static DateTime EarliestAllowed(DateTime notBeforeUtc, string? state, IReadOnlyList<TimeZoneInfo> zones)
    {
        var candidate = DateTime.SpecifyKind(notBeforeUtc, DateTimeKind.Utc);
        var giveUp = candidate.AddDays(HorizonDays);
        while (candidate < giveUp && !IsAllowed(candidate, state, zones))
        {
            foreach (var zone in zones)
            {
                var local = TimeZoneInfo.ConvertTimeFromUtc(candidate, zone);
                if (!InWindow(local, state))
                {
                    candidate = NextWindowStart(local, state, zone);
                }
            }
        }
        return candidate;
    }

    private static bool InWindow(DateTime local, string? state)
    {
        var (start, end) = WindowFor(state, local.DayOfWeek);
        var time = TimeOnly.FromDateTime(local);
        return time >= start && time < end;
    }

    private static DateTime NextWindowStart(DateTime local, string? state, TimeZoneInfo zone)
    {
        // Outside the window: before today's start (today's start is next) or at/after today's end (tomorrow's).
        var (_, end) = WindowFor(state, local.DayOfWeek);
        var day = TimeOnly.FromDateTime(local) >= end ? local.Date.AddDays(1) : local.Date;
        var (nextStart, _) = WindowFor(state, day.DayOfWeek);
        var localStart = DateTime.SpecifyKind(day + nextStart.ToTimeSpan(), DateTimeKind.Unspecified);
        // A window start inside a DST gap does not exist locally; the hour after it does.
        if (zone.IsInvalidTime(localStart))
        {
            localStart = localStart.AddHours(1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(localStart, zone);
    }

    public static IReadOnlyList<TimeZoneInfo> Zones(IEnumerable<string> ids, string fallback)
    {
        var zones = new List<TimeZoneInfo>();
        foreach (var id in ids.DefaultIfEmpty(fallback))
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                zones.Add(zone);
            }
        }
        if (zones.Count == 0 && TimeZoneInfo.TryFindSystemTimeZoneById(fallback, out var business))
        {
            zones.Add(business);
        }
        return zones.Count > 0 ? zones : [TimeZoneInfo.Utc];
    }
}
