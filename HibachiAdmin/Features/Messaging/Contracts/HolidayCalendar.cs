using System.Collections.Concurrent;

namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>
/// Holiday dates for any year, and the days a holiday closes. A holiday closes its own date and, when that
/// falls on a Saturday, the Friday before, on a Sunday, the Monday after (the observed day under 5 U.S.C. 6103,
/// Ala. Code 1-3-8 and Utah Code 63G-1-301). Statutes differ on whether the weekend date itself stays a
/// holiday, so both are closed: the conservative reading (docs/compliance.md).
/// </summary>
public static class HolidayCalendar
{
    private static readonly ConcurrentDictionary<(Holiday, int), DateOnly?> Dates = new();

    /// <summary>The holiday's date in <paramref name="year"/>; null when it has none that year (a general election day in an odd year).</summary>
    public static DateOnly? DateOf(Holiday holiday, int year) => Dates.GetOrAdd((holiday, year), k => Compute(k.Item1, k.Item2));

    private static DateOnly? Compute(Holiday holiday, int year) => holiday switch
    {
        Holiday.NewYearsDay => new DateOnly(year, 1, 1),
        Holiday.MartinLutherKingJrDay => Nth(year, 1, DayOfWeek.Monday, 3),
        Holiday.WashingtonsBirthday => Nth(year, 2, DayOfWeek.Monday, 3),
        Holiday.MardiGras => Easter(year).AddDays(-47),
        Holiday.GoodFriday => Easter(year).AddDays(-2),
        Holiday.ConfederateMemorialDay => Nth(year, 4, DayOfWeek.Monday, 4),
        Holiday.RhodeIslandIndependenceDay => new DateOnly(year, 5, 4),
        Holiday.MemorialDay => Last(year, 5, DayOfWeek.Monday),
        Holiday.JeffersonDavisBirthday => Nth(year, 6, DayOfWeek.Monday, 1),
        Holiday.FlagDay => new DateOnly(year, 6, 14),
        Holiday.Juneteenth => new DateOnly(year, 6, 19),
        Holiday.IndependenceDay => new DateOnly(year, 7, 4),
        Holiday.PioneerDay => new DateOnly(year, 7, 24),
        Holiday.VictoryDay => Nth(year, 8, DayOfWeek.Monday, 2),
        Holiday.LaborDay => Nth(year, 9, DayOfWeek.Monday, 1),
        Holiday.ColumbusDay => Nth(year, 10, DayOfWeek.Monday, 2),
        Holiday.ElectionDay => Nth(year, 11, DayOfWeek.Monday, 1).AddDays(1),
        Holiday.GeneralElectionDay => year % 2 == 0 ? Nth(year, 11, DayOfWeek.Monday, 1).AddDays(1) : null,
        Holiday.VeteransDay => new DateOnly(year, 11, 11),
        Holiday.Thanksgiving => Nth(year, 11, DayOfWeek.Thursday, 4),
        Holiday.ChristmasDay => new DateOnly(year, 12, 25),
        _ => throw new ArgumentOutOfRangeException(nameof(holiday), holiday, null),
    };

    /// <summary>The observed weekday of a date: Friday for a Saturday, Monday for a Sunday, else the date itself.</summary>
    public static DateOnly Observed(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(-1),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    /// <summary>
    /// The holiday among <paramref name="holidays"/> that closes <paramref name="day"/>, and whether the day is
    /// only its observed day; null when none does. A New Year's Day on a Saturday closes the Friday before, in
    /// the year before.
    /// </summary>
    public static (Holiday Holiday, bool Observed)? Closing(DateOnly day, IReadOnlyCollection<Holiday> holidays)
    {
        foreach (var holiday in holidays)
        {
            for (var year = day.Year; year <= day.Year + 1; year++)
            {
                if (DateOf(holiday, year) is not { } date)
                {
                    continue;
                }
                if (date == day)
                {
                    return (holiday, false);
                }
                if (Observed(date) == day)
                {
                    return (holiday, true);
                }
            }
        }
        return null;
    }

    /// <summary>Easter Sunday (Gregorian; the anonymous "Meeus/Jones/Butcher" algorithm).</summary>
    public static DateOnly Easter(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly Nth(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)day - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + (7 * (n - 1)));
    }

    private static DateOnly Last(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var back = ((int)last.DayOfWeek - (int)day + 7) % 7;
        return last.AddDays(-back);
    }

    public static string Label(Holiday holiday) => holiday switch
    {
        Holiday.NewYearsDay => "New Year's Day",
        Holiday.MartinLutherKingJrDay => "Martin Luther King Jr. Day",
        Holiday.WashingtonsBirthday => "Washington's Birthday",
        Holiday.MardiGras => "Mardi Gras",
        Holiday.GoodFriday => "Good Friday",
        Holiday.ConfederateMemorialDay => "Confederate Memorial Day",
        Holiday.RhodeIslandIndependenceDay => "Rhode Island Independence Day",
        Holiday.MemorialDay => "Memorial Day",
        Holiday.JeffersonDavisBirthday => "Jefferson Davis' Birthday",
        Holiday.FlagDay => "Flag Day",
        Holiday.Juneteenth => "Juneteenth",
        Holiday.IndependenceDay => "Independence Day",
        Holiday.PioneerDay => "Pioneer Day",
        Holiday.VictoryDay => "Victory Day",
        Holiday.LaborDay => "Labor Day",
        Holiday.ColumbusDay => "Columbus Day",
        Holiday.ElectionDay => "Election Day",
        Holiday.GeneralElectionDay => "General Election Day",
        Holiday.VeteransDay => "Veterans Day",
        Holiday.Thanksgiving => "Thanksgiving",
        Holiday.ChristmasDay => "Christmas Day",
        _ => throw new ArgumentOutOfRangeException(nameof(holiday), holiday, null),
    };
}
