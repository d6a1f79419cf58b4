using System.Globalization;
using HibachiAdmin.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Common;

/// <summary>Times in the business's zone, "today/tomorrow" counted there, and dollars whatever the host's culture.</summary>
public sealed class FormatsTests
{
    private static Formats At(DateTimeOffset utcNow, string zone = "America/New_York") =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Business:TimeZone"] = zone }).Build(), new FakeTimeProvider(utcNow));

    [Fact]
    public void An_instant_after_UTC_midnight_is_still_the_evening_before_in_New_York()
    {
        // 04:27 UTC on Nov 26 is 11:27 PM on Nov 25 in New York (EST, UTC-5).
        var f = At(new DateTimeOffset(2026, 11, 26, 4, 27, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 11, 25), f.Today);
        Assert.Equal("Today 11:27 PM", f.When(new DateTime(2026, 11, 26, 4, 27, 0, DateTimeKind.Utc)));
        Assert.Equal("Tomorrow 8:00 AM", f.When(new DateTime(2026, 11, 26, 13, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("Yesterday 9:00 AM", f.When(new DateTime(2026, 11, 24, 14, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("Nov 20 3:05 PM", f.When(new DateTime(2026, 11, 20, 20, 5, 0, DateTimeKind.Utc)));
        Assert.Equal("Nov 26 4:00 AM", f.Stamp(new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("", f.When(null));
    }

    [Fact]
    public void Days_are_named_relative_to_the_business_day_not_the_UTC_day()
    {
        var f = At(new DateTimeOffset(2026, 11, 26, 4, 27, 0, TimeSpan.Zero)); // Wed Nov 25, 11:27 PM in New York
        Assert.Equal("Today", f.Day(new DateOnly(2026, 11, 25)));
        Assert.Equal("Tomorrow", f.Day(new DateOnly(2026, 11, 26)));
        Assert.Equal("Sat, Nov 28", f.Day(new DateOnly(2026, 11, 28)));
        Assert.Equal("Fri, Jan 1, 2027", f.Day(new DateOnly(2027, 1, 1)));
        Assert.Equal("tomorrow", f.Relative(new DateOnly(2026, 11, 26)));
        Assert.Equal("in 3 days", f.Relative(new DateOnly(2026, 11, 28)));
        Assert.Equal("2 days ago", f.Relative(new DateOnly(2026, 11, 23)));
        Assert.Equal("Saturday, November 28, 2026", Formats.LongDate(new DateOnly(2026, 11, 28)));
        Assert.Equal("5:30 PM", Formats.Time(new TimeOnly(17, 30)));
        Assert.Equal(new DateOnly(2026, 11, 23), Formats.WeekStart(new DateOnly(2026, 11, 29)));
        Assert.Equal(new DateOnly(2026, 11, 23), Formats.WeekStart(new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void The_business_day_starts_at_local_midnight_in_UTC_across_daylight_saving()
    {
        var f = At(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(new DateTime(2026, 7, 1, 4, 0, 0, DateTimeKind.Utc), f.UtcStartOf(new DateOnly(2026, 7, 1)));  // EDT, UTC-4
        Assert.Equal(new DateTime(2026, 11, 26, 5, 0, 0, DateTimeKind.Utc), f.UtcStartOf(new DateOnly(2026, 11, 26))); // EST, UTC-5
        Assert.Equal("Today 8:00 AM", f.When(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Money_is_US_dollars_whatever_the_current_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("fr-FR"), CultureInfo.GetCultureInfo("de-DE") })
            {
                CultureInfo.CurrentCulture = culture;
                Assert.Equal("$1,500", Formats.Money(1500m));
                Assert.Equal("$1,320", Formats.Money(1320m));
                Assert.Equal("$12.50", Formats.Money(12.5m));
                Assert.Equal("$0.02", Formats.Money(0.02m));
                Assert.Equal("$60", Formats.Money(60m));
                Assert.Equal("$0", Formats.Money(0m));
                Assert.Equal("-$200", Formats.Money(-200m));
                Assert.Equal("$1,500.00", Formats.Cents(1500m));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData(45, "45 s")]
    [InlineData(12 * 60, "12 min")]
    [InlineData(3 * 3600, "3 h")]
    [InlineData(3 * 3600 + 5 * 60, "3 h 5 min")]
    [InlineData(2 * 86400 + 4 * 3600, "2 d 4 h")]
    public void Durations_read_as_people_say_them(int seconds, string expected) =>
        Assert.Equal(expected, Formats.Duration(TimeSpan.FromSeconds(seconds)));
}
