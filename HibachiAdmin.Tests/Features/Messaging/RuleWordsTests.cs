using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>What people read of the rules: one human label per holiday, policy and reach, and times written as HH:mm.</summary>
public sealed class RuleWordsTests
{
    [Fact]
    public void Every_holiday_policy_and_reach_has_one_human_label()
    {
        var labels = Enum.GetValues<Holiday>().Select(HolidayCalendar.Label).ToList();
        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.Equal(
            ["New Year's Day", "Martin Luther King Jr. Day", "Washington's Birthday", "Mardi Gras", "Good Friday", "Confederate Memorial Day",
             "Rhode Island Independence Day", "Memorial Day", "Jefferson Davis' Birthday", "Flag Day", "Juneteenth", "Independence Day", "Pioneer Day",
             "Victory Day", "Labor Day", "Columbus Day", "Election Day", "General Election Day", "Veterans Day", "Thanksgiving", "Christmas Day"], labels);
        Assert.Equal(["Conservative: every rule that does or may reach texts", "Texts only: only rules that explicitly reach texts",
            "Strictest: every rule, also those for recorded voice calls"], Enum.GetValues<CompliancePolicy>().Select(ComplianceLabels.Of));
        Assert.Equal(["Yes", "Unclear", "Recorded voice only"], Enum.GetValues<RuleReach>().Select(ComplianceLabels.Of));
        Assert.Throws<ArgumentOutOfRangeException>(() => HolidayCalendar.Label((Holiday)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => HolidayCalendar.DateOf((Holiday)99, 2026));
    }

    [Theory]
    [InlineData("08:00", 8, 0)]
    [InlineData("0930", 9, 30)]
    [InlineData("24:00", 24, 0)]
    [InlineData("00:00", 0, 0)]
    public void A_time_of_day_is_read_as_hh_mm(string text, int hours, int minutes) =>
        Assert.Equal(new TimeSpan(hours, minutes, 0), DayWindow.ParseTime(text));

    [Theory]
    [InlineData("8:00")]
    [InlineData("24:01")]
    [InlineData("25:00")]
    [InlineData("08:60")]
    [InlineData("ab:cd")]
    [InlineData("-1:00")]
    [InlineData("")]
    public void Anything_else_is_not_a_time(string text) => Assert.Throws<FormatException>(() => DayWindow.ParseTime(text));

    [Fact]
    public void A_window_holds_its_start_not_its_end_and_prints_as_people_write_it()
    {
        var w = new DayWindow(TimeSpan.FromHours(9), TimeSpan.FromHours(20));
        Assert.True(w.Contains(TimeSpan.FromHours(9)));
        Assert.True(w.Contains(TimeSpan.FromHours(20) - TimeSpan.FromTicks(1)));
        Assert.False(w.Contains(TimeSpan.FromHours(20)));
        Assert.False(w.Contains(TimeSpan.FromHours(9) - TimeSpan.FromTicks(1)));
        Assert.Equal("09:00–20:00", w.ToString());
        Assert.Equal("24:00", DayWindow.Format(TimeSpan.FromHours(24)));
        Assert.True(w.Within(new DayWindow(TimeSpan.FromHours(9), TimeSpan.FromHours(20))));
        Assert.False(w.Within(new DayWindow(TimeSpan.FromHours(10), TimeSpan.FromHours(20))));
        Assert.False(w.Within(new DayWindow(TimeSpan.FromHours(9), TimeSpan.FromHours(19))));
    }
}
