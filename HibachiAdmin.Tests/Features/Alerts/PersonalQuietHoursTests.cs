using HibachiAdmin.Features.Alerts;

namespace HibachiAdmin.Tests.Features.Alerts;

/// <summary>A person's quiet hours hold push and email from their first minute up to, not including, their last.</summary>
public sealed class PersonalQuietHoursTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData("22:00", "07:00", "21:59", false)]
    [InlineData("22:00", "07:00", "22:00", true)]
    [InlineData("22:00", "07:00", "23:59", true)]
    [InlineData("22:00", "07:00", "00:00", true)]
    [InlineData("22:00", "07:00", "06:59", true)]
    [InlineData("22:00", "07:00", "07:00", false)]
    [InlineData("13:00", "14:30", "12:59", false)]
    [InlineData("13:00", "14:30", "13:00", true)]
    [InlineData("13:00", "14:30", "14:29", true)]
    [InlineData("13:00", "14:30", "14:30", false)]
    [InlineData("09:00", "09:00", "09:00", false)]
    public void Quiet_from_the_first_minute_to_before_the_last(string from, string until, string at, bool quiet) =>
        Assert.Equal(quiet, PersonalQuietHours.IsQuiet(TimeOnly.Parse(from), TimeOnly.Parse(until), TimeOnly.Parse(at)));

    [Fact]
    public void No_quiet_hours_when_either_end_is_missing()
    {
        Assert.False(PersonalQuietHours.IsQuiet(null, new TimeOnly(7, 0), new TimeOnly(3, 0)));
        Assert.False(PersonalQuietHours.IsQuiet(new TimeOnly(22, 0), null, new TimeOnly(23, 0)));
    }

    [Fact]
    public void Waiting_ends_at_the_local_end_of_the_quiet_hours_on_the_right_day()
    {
        var from = new TimeOnly(22, 0);
        var until = new TimeOnly(7, 0);
        // 23:30 New York (EST, UTC-5) on Nov 24 → 07:00 Nov 25 = 12:00 UTC.
        Assert.Equal(new DateTime(2026, 11, 25, 12, 0, 0), PersonalQuietHours.NextAllowed(from, until, new DateTime(2026, 11, 25, 4, 30, 0), NewYork));
        // 02:00 New York on Nov 25 → 07:00 the same day.
        Assert.Equal(new DateTime(2026, 11, 25, 12, 0, 0), PersonalQuietHours.NextAllowed(from, until, new DateTime(2026, 11, 25, 7, 0, 0), NewYork));
        // 21:59 is not quiet: now.
        var before = new DateTime(2026, 11, 25, 2, 59, 0);
        Assert.Equal(before, PersonalQuietHours.NextAllowed(from, until, before, NewYork));
    }

    [Fact]
    public void Quiet_hours_ending_in_the_spring_forward_gap_end_when_the_clocks_have_jumped()
    {
        // 14 March 2027 in New York: 02:00 EST jumps to 03:00 EDT, so 02:30 does not exist that night.
        var from = new TimeOnly(1, 0);
        var until = new TimeOnly(2, 30);
        // 01:15 EST = 06:15 UTC is quiet; the end falls in the gap and is taken as 03:30 EDT = 07:30 UTC.
        Assert.Equal(new DateTime(2027, 3, 14, 7, 30, 0), PersonalQuietHours.NextAllowed(from, until, new DateTime(2027, 3, 14, 6, 15, 0), NewYork));
    }
}
