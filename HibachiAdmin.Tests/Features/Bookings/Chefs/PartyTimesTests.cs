using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Tests.Features.Bookings.Chefs;

/// <summary>
/// When a party is, in UTC, from its local date and time in New York: 17:00 when none was agreed, three real hours
/// long (also across a clock change), a start in the spring-forward gap is the same wall time an hour later, and a
/// start in the repeated hour of the fall-back night is the first of the two (standard time, as .NET reads it).
/// </summary>
public sealed class PartyTimesTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void A_party_without_a_time_starts_at_17_local_and_lasts_three_hours()
    {
        Assert.Equal(TimeSpan.FromHours(3), PartyTimes.Length);
        Assert.Equal(Utc(2026, 12, 12, 22, 0), PartyTimes.StartUtc(new DateOnly(2026, 12, 12), null, NewYork)); // EST
        Assert.Equal(Utc(2027, 1, 13, 1, 0), PartyTimes.EndUtc(new DateOnly(2027, 1, 12), null, NewYork));
        Assert.Equal(Utc(2027, 7, 4, 21, 0), PartyTimes.StartUtc(new DateOnly(2027, 7, 4), null, NewYork)); // EDT
    }

    [Theory]
    [InlineData(2, 0, 7, 0)]   // 02:00 does not happen on 2027-03-14: 03:00 EDT
    [InlineData(2, 30, 7, 30)] // 02:30 → 03:30 EDT
    [InlineData(3, 0, 7, 0)]   // 03:00 EDT exists: the same instant as the gap's start
    [InlineData(1, 59, 6, 59)] // the last minute of EST
    public void A_start_inside_the_spring_forward_gap_moves_an_hour_later_and_one_around_it_does_not(int hour, int minute, int utcHour, int utcMinute)
    {
        var day = new DateOnly(2027, 3, 14);
        Assert.Equal(Utc(2027, 3, 14, utcHour, utcMinute), PartyTimes.StartUtc(day, new TimeOnly(hour, minute), NewYork));
    }

    [Fact]
    public void A_party_across_a_clock_change_lasts_three_real_hours()
    {
        // Spring forward: 00:30 EST (05:30 UTC) to 04:30 EDT (08:30 UTC), three hours although the clock moves four.
        Assert.Equal(Utc(2027, 3, 14, 5, 30), PartyTimes.StartUtc(new DateOnly(2027, 3, 14), new TimeOnly(0, 30), NewYork));
        Assert.Equal(Utc(2027, 3, 14, 8, 30), PartyTimes.EndUtc(new DateOnly(2027, 3, 14), new TimeOnly(0, 30), NewYork));
        // Fall back: 01:30 happens twice on 2026-11-01; the party starts at the standard-time one (06:30 UTC).
        Assert.Equal(Utc(2026, 11, 1, 6, 30), PartyTimes.StartUtc(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), NewYork));
        Assert.Equal(Utc(2026, 11, 1, 9, 30), PartyTimes.EndUtc(new DateOnly(2026, 11, 1), new TimeOnly(1, 30), NewYork));
        // 00:00 EDT (04:00 UTC) to 02:00 EST (07:00 UTC).
        Assert.Equal(Utc(2026, 11, 1, 7, 0), PartyTimes.EndUtc(new DateOnly(2026, 11, 1), new TimeOnly(0, 0), NewYork));
    }

    [Fact]
    public void A_party_touches_the_local_days_it_reaches_into_and_one_ending_at_midnight_only_its_own()
    {
        var toMidnight = PartyTimes.StartUtc(new DateOnly(2026, 12, 12), new TimeOnly(21, 0), NewYork);
        Assert.Equal([new DateOnly(2026, 12, 12)], PartyTimes.Days(toMidnight, toMidnight + PartyTimes.Length, NewYork));
        var pastMidnight = toMidnight.AddMinutes(1);
        Assert.Equal([new DateOnly(2026, 12, 12), new DateOnly(2026, 12, 13)], PartyTimes.Days(pastMidnight, pastMidnight + PartyTimes.Length, NewYork));
    }

    [Fact]
    public void Without_a_time_zone_each_is_refused_naming_the_zone()
    {
        var day = new DateOnly(2026, 12, 12);
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => PartyTimes.StartUtc(day, null, null!)).ParamName);
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => PartyTimes.EndUtc(day, null, null!)).ParamName);
        Assert.Equal("zone", Assert.Throws<ArgumentNullException>(() => PartyTimes.Days(Utc(2026, 12, 12, 22, 0), Utc(2026, 12, 13, 1, 0), null!)).ParamName);
    }
}
