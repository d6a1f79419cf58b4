using System.Globalization;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>
/// Holidays for any year with their observed days (vectors for 2026–2028 in Fixtures/holidays-2026-2028.tsv,
/// computed apart from the app), a holiday on a Saturday in Rhode Island, Mississippi's Central Standard Time through
/// daylight time, Arizona and the Navajo Nation (the number's zones decide), every place a person may be (strictest
/// wins) and each <see cref="CompliancePolicy"/>.
/// </summary>
public sealed class HolidaysAndPlacesTests
{
    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    private static readonly TimeZoneInfo NewYork = Zone("America/New_York");
    private static readonly TimeZoneInfo Chicago = Zone("America/Chicago");

    private static DateTime Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    public static TheoryData<string, int, string, string> HolidayVectors()
    {
        var data = new TheoryData<string, int, string, string>();
        foreach (var line in Fixtures.ReadLines("holidays-2026-2028.tsv").Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var p = line.Split('\t');
            data.Add(p[0], int.Parse(p[1], CultureInfo.InvariantCulture), p[2], p[4]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(HolidayVectors))]
    public void Holidays_fall_on_their_dates_and_close_their_observed_weekday_too(string holiday, int year, string date, string observed)
    {
        var h = Enum.Parse<Holiday>(holiday);
        var day = DateOnly.Parse(date, CultureInfo.InvariantCulture);
        var weekday = DateOnly.Parse(observed, CultureInfo.InvariantCulture);
        Assert.Equal(day, HolidayCalendar.DateOf(h, year));
        Assert.Equal((h, false), HolidayCalendar.Closing(day, [h]));
        if (weekday != day)
        {
            Assert.Equal((h, true), HolidayCalendar.Closing(weekday, [h]));
        }
        // The days around it are not closed by it (unless they are its observed day).
        foreach (var other in new[] { day.AddDays(-2), day.AddDays(2) }.Where(d => d != weekday))
        {
            Assert.Null(HolidayCalendar.Closing(other, [h]));
        }
    }

    [Fact]
    public void A_general_election_day_is_a_holiday_only_in_even_years_and_election_day_every_year()
    {
        Assert.Null(HolidayCalendar.DateOf(Holiday.GeneralElectionDay, 2027));
        Assert.Equal(new DateOnly(2027, 11, 2), HolidayCalendar.DateOf(Holiday.ElectionDay, 2027));
        Assert.Equal(new DateOnly(2028, 11, 7), HolidayCalendar.DateOf(Holiday.GeneralElectionDay, 2028));
        // Any year: Easter moves the Mardi Gras and Good Friday dates (2030: April 21).
        Assert.Equal(new DateOnly(2030, 3, 5), HolidayCalendar.DateOf(Holiday.MardiGras, 2030));
        Assert.Equal(new DateOnly(2030, 4, 19), HolidayCalendar.DateOf(Holiday.GoodFriday, 2030));
    }

    [Fact]
    public void New_years_day_on_a_saturday_closes_the_friday_before_in_the_old_year()
    {
        // 2028-01-01 is a Saturday: Friday 2027-12-31 is its observed day, in Utah (closed on holidays) too.
        Assert.Equal((Holiday.NewYearsDay, true), HolidayCalendar.Closing(new DateOnly(2027, 12, 31), [Holiday.NewYearsDay]));
        TimeZoneInfo[] denver = [Zone("America/Denver")];
        Assert.False(TextingRules.Default.IsAllowed(Utc(2027, 12, 31, 19), ["UT"], denver)); // noon MST
        Assert.True(TextingRules.Default.IsAllowed(Utc(2027, 12, 30, 19), ["UT"], denver));
    }

    [Fact]
    public void Independence_day_on_a_saturday_in_rhode_island_closes_friday_and_saturday_and_the_hold_says_why()
    {
        TimeZoneInfo[] zones = [NewYork];
        // Saturday 2026-07-04, 11:00 EDT: inside Rhode Island's Saturday 10:00–17:00, but a holiday (the statute names
        // weekday holidays only; the table closes a Saturday one too, the conservative reading).
        Assert.False(TextingRules.Default.IsAllowed(Utc(2026, 7, 4, 15), ["RI"], zones));
        // Friday 2026-07-03, 12:00 EDT: the observed federal holiday.
        Assert.False(TextingRules.Default.IsAllowed(Utc(2026, 7, 3, 16), ["RI"], zones));
        // The Saturday after, 11:00 EDT, is an ordinary Saturday.
        Assert.True(TextingRules.Default.IsAllowed(Utc(2026, 7, 11, 15), ["RI"], zones));

        var window = TextingRules.Default.EarliestAllowed(Utc(2026, 7, 3, 14), ["RI"], zones);
        // Friday observed, Saturday the holiday, Sunday closed: Monday 09:00 EDT.
        Assert.Equal(Utc(2026, 7, 6, 13), window.Earliest);
        Assert.Equal("Held until Monday 09:00 ET — Rhode Island allows no texts on Independence Day observed (Friday, July 3) or Independence Day (Saturday, July 4) or Sundays, "
            + "and 09:00–18:00 on weekdays (R.I. Gen. Laws 5-61-2(2) (defines 'hours of operation') and 5-61-3.6)", window.Explanation!.Text);
        Assert.Equal("RI:weekday", window.Explanation.Rule);
    }

    [Fact]
    public void Mississippi_hours_are_read_in_central_standard_time_as_well_so_daylight_time_starts_an_hour_later()
    {
        TimeZoneInfo[] zones = [Chicago];
        // Wednesday 2026-07-15 (CDT, UTC-5): 08:30 CDT is 07:30 CST, held; 09:00 CDT is 08:00 CST, allowed.
        Assert.False(TextingRules.Default.IsAllowed(Utc(2026, 7, 15, 13, 30), ["MS"], zones));
        Assert.True(TextingRules.Default.IsAllowed(Utc(2026, 7, 15, 14), ["MS"], zones));
        // The local reading still ends the day at 20:00 CDT (21:00 CST would be later).
        Assert.True(TextingRules.Default.IsAllowed(Utc(2026, 7, 16, 0, 59), ["MS"], zones));
        Assert.False(TextingRules.Default.IsAllowed(Utc(2026, 7, 16, 1), ["MS"], zones));
        var july = TextingRules.Default.EarliestAllowed(Utc(2026, 7, 15, 13, 30), ["MS"], zones);
        Assert.Equal(Utc(2026, 7, 15, 14), july.Earliest);
        Assert.Equal("Held until Wednesday 09:00 CT — Mississippi allows 08:00–20:00 Central Standard Time on weekdays "
            + "(Miss. Code Ann. 77-3-723(1) (Mississippi Telephone Solicitation Act); see also 77-3-603(a))", july.Explanation!.Text);
        // In January (CST is local time) 08:00 is open.
        Assert.True(TextingRules.Default.IsAllowed(Utc(2027, 1, 13, 14), ["MS"], zones));
        Assert.False(TextingRules.Default.IsAllowed(Utc(2027, 1, 13, 13, 59), ["MS"], zones));
        // No Sundays: Sunday noon waits for Monday.
        Assert.Equal(Utc(2027, 1, 18, 14), TextingRules.Default.EarliestAllowed(Utc(2027, 1, 17, 18), ["MS"], zones).Earliest);
    }

    [Fact]
    public void In_arizona_the_numbers_zones_decide_and_a_navajo_nation_zone_on_the_contact_holds_to_both()
    {
        // Flagstaff's 928 covers the Navajo Nation, which keeps daylight time; libphonenumber gives the number its zones.
        var parsed = new Phones().Parse("(928) 555-0100")!;
        Assert.Equal("AZ", parsed.State);
        var zones = QuietHours.Zones(parsed.TimeZones, "America/New_York");
        Assert.Equal(["America/Phoenix"], zones.Select(z => z.Id));
        // July 15 2026: 15:00 UTC is 08:00 MST in Phoenix (no DST): open; a minute before: held.
        Assert.True(TextingRules.Default.IsAllowed(Utc(2026, 7, 15, 15), ["AZ"], zones));
        Assert.False(TextingRules.Default.IsAllowed(Utc(2026, 7, 15, 14, 59), ["AZ"], zones));
        // A contact stored with both zones (e.g. Window Rock, on Mountain Daylight Time) must fit both: 14:00 UTC is
        // 08:00 MDT but 07:00 MST, held until 08:00 MST.
        TimeZoneInfo[] both = [Zone("America/Phoenix"), Zone("America/Denver")];
        Assert.False(TextingRules.Default.IsAllowed(Utc(2026, 7, 15, 14), ["AZ"], both));
        Assert.Equal(Utc(2026, 7, 15, 15), TextingRules.Default.EarliestAllowed(Utc(2026, 7, 15, 14), ["AZ"], both).Earliest);
        // In the evening the Denver reading closes first: 20:59 MST is 21:59 MDT.
        Assert.False(TextingRules.Default.IsAllowed(Utc(2026, 7, 16, 3, 30), ["AZ"], both));
    }

    [Fact]
    public void A_person_in_several_states_gets_the_strictest_of_every_state()
    {
        TimeZoneInfo[] zones = [NewYork];
        // Sunday 2026-12-06 10:30 EST: New York alone allows it; with a party in Texas, Texas's Sunday noon holds it.
        var at = Utc(2026, 12, 6, 15, 30);
        Assert.True(TextingRules.Default.IsAllowed(at, ["NY"], zones));
        var window = TextingRules.Default.EarliestAllowed(at, ["NY", "TX"], zones);
        Assert.Equal(Utc(2026, 12, 6, 17), window.Earliest);
        Assert.Equal("Held until Sunday 12:00 ET — Texas allows 12:00–21:00 on Sundays (Tex. Bus. & Com. Code 301.051; SB 140 (2025) amended chs. 302/304/305)",
            window.Explanation!.Text);
        // With Connecticut too, the evening ends at 20:00.
        Assert.False(TextingRules.Default.IsAllowed(Utc(2026, 12, 7, 1), ["NY", "TX", "CT"], zones));
        Assert.True(TextingRules.Default.IsAllowed(Utc(2026, 12, 7, 1), ["NY", "TX"], zones));
        // Nowhere known: every state's rule (Kentucky's 10:00 start, Rhode Island's 18:00 weekday end).
        Assert.False(TextingRules.Default.IsAllowed(Utc(2026, 12, 2, 14, 59), [TextingRules.Anywhere], zones));
        Assert.True(TextingRules.Default.IsAllowed(Utc(2026, 12, 2, 15), [TextingRules.Anywhere], zones));
        Assert.False(TextingRules.Default.IsAllowed(Utc(2026, 12, 2, 23), [TextingRules.Anywhere], zones));
    }

    [Fact]
    public void Each_policy_picks_its_rules()
    {
        var table = StateRuleTable.Shipped;
        TimeZoneInfo[] la = [Zone("America/Los_Angeles")];
        TimeZoneInfo[] ny = [NewYork];
        TimeZoneInfo[] central = [Chicago];
        var conservative = new TextingRules(table, CompliancePolicy.Conservative, []);
        var textsOnly = new TextingRules(table, CompliancePolicy.TextsOnly, []);
        var strictest = new TextingRules(table, CompliancePolicy.Strictest, []);
        // California's 09:00 is for prerecorded calls only: 08:30 PT is open unless Strictest.
        var caMorning = Utc(2026, 12, 2, 16, 30);
        Assert.True(conservative.IsAllowed(caMorning, ["CA"], la));
        Assert.True(textsOnly.IsAllowed(caMorning, ["CA"], la));
        Assert.False(strictest.IsAllowed(caMorning, ["CA"], la));
        // Texas's reach to texts is unclear: Conservative and Strictest hold 08:30 CT, TextsOnly does not.
        var txMorning = Utc(2026, 12, 2, 14, 30);
        Assert.False(conservative.IsAllowed(txMorning, ["TX"], central));
        Assert.True(textsOnly.IsAllowed(txMorning, ["TX"], central));
        Assert.False(strictest.IsAllowed(txMorning, ["TX"], central));
        // Connecticut explicitly reaches texts: 08:30 ET is held under every policy.
        var ctMorning = Utc(2026, 12, 2, 13, 30);
        Assert.All([conservative, textsOnly, strictest], r => Assert.False(r.IsAllowed(ctMorning, ["CT"], ny)));
        // Maine's rule (automated calls, weekdays only) closes Saturday under Strictest alone.
        var saturdayNoon = Utc(2026, 12, 5, 17);
        Assert.True(conservative.IsAllowed(saturdayNoon, ["ME"], ny));
        Assert.False(strictest.IsAllowed(saturdayNoon, ["ME"], ny));
        // Federal hours hold under every policy.
        Assert.All([conservative, textsOnly, strictest], r => Assert.False(r.IsAllowed(Utc(2026, 12, 2, 12, 59), ["NY"], ny)));
    }

    [Fact]
    public void A_tightening_holds_longer_and_says_whose_rule_it_is()
    {
        var tightened = new TextingRules(StateRuleTable.Shipped, CompliancePolicy.Conservative,
            [new StateRuleTightening("NY", new DayWindow(TimeSpan.FromHours(10), TimeSpan.FromHours(19)), new DayWindow(TimeSpan.FromHours(10), TimeSpan.FromHours(19)), null, "ann@hibachi.example", "customer complaints", Utc(2026, 12, 1, 0))]);
        TimeZoneInfo[] ny = [NewYork];
        Assert.False(tightened.IsAllowed(Utc(2026, 12, 2, 14, 30), ["NY"], ny)); // 09:30 EST
        var sunday = tightened.EarliestAllowed(Utc(2026, 12, 6, 16), ["NY"], ny);
        Assert.Equal(Utc(2026, 12, 7, 15), sunday.Earliest);
        Assert.Equal("Held until Monday 10:00 ET — Your rule for New York (customer complaints, set by ann@hibachi.example) allows no texts on Sundays, and 10:00–19:00 on weekdays (stricter than the law)",
            sunday.Explanation!.Text);
        Assert.Equal(new DayWindow(TimeSpan.FromHours(10), TimeSpan.FromHours(19)), tightened.WindowIn("NY", DayOfWeek.Monday));
        Assert.Null(tightened.WindowIn("NY", DayOfWeek.Sunday));
    }
}
