using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Tests.Features.Campaigns;

public sealed class CampaignRulesTests
{
    private static readonly Phones Phones = new();
    private static readonly CampaignRules Rules = new(frequencyCapHours: 16, businessName: "Ember & Steel Hibachi", businessTimeZone: "America/New_York");

    private static CampaignRecipient Person(string phone, string? state = null, SmsConsent consent = SmsConsent.OptedIn, string name = "Ava Miller") =>
        new(Guid.NewGuid(), name, phone, consent, state, null);

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Merge_fields_and_the_opt_out_line_make_the_final_text()
    {
        Assert.Equal("Hi Ava! 10% off your next party. Reply STOP to opt out.", Rules.Render("Hi {FirstName|there}! 10% off your next party.", "Ava Miller"));
        Assert.Equal("Hi there! 10% off your next party. Reply STOP to opt out.", Rules.Render("Hi {FirstName|there}! 10% off your next party.", "(212) 555-0147"));
        Assert.Equal("Ember & Steel Hibachi: Dec dates open. Text STOP to unsubscribe", Rules.Render("{BusinessName}: Dec dates open. Text STOP to unsubscribe", "Ava"));
    }

    [Fact]
    public void Each_recipient_costs_their_own_segments()
    {
        // 130 characters + " {name}" + " Reply STOP to opt out.": "Al" fits one segment (156), a long name needs two.
        var template = new string('a', 130) + " {FirstName}";
        var shortName = Rules.Decide(Person("+12125550101", name: "Al"), template, Utc(2026, 11, 24, 16, 0), [], false, Phones);
        var longName = Rules.Decide(Person("+12125550102", name: "Bartholomew-Alexander"), template, Utc(2026, 11, 24, 16, 0), [], false, Phones);
        Assert.Equal(156, shortName.Segments.Units);
        Assert.Equal(1, shortName.Segments.Segments);
        Assert.Equal(2, longName.Segments.Segments);
        Assert.Equal(shortName.Segments.Units + "Bartholomew-Alexander".Length - 2, longName.Segments.Units);
    }

    [Theory]
    [InlineData(SmsConsent.OptedOut, "optedOut")]
    [InlineData(SmsConsent.None, "noConsent")]
    public void Marketing_needs_an_opt_in(SmsConsent consent, string reason)
    {
        var d = Rules.Decide(Person("+12125550101", consent: consent), "Sale", Utc(2026, 11, 24, 16, 0), [], false, Phones);
        Assert.False(d.Eligible);
        Assert.Equal(reason, d.Reason);
        Assert.Null(d.EarliestSendAt);
    }

    [Fact]
    public void Invalid_and_duplicate_numbers_are_skipped()
    {
        Assert.Equal("invalidNumber", Rules.Decide(Person("+1212555014"), "Sale", Utc(2026, 11, 24, 16, 0), [], false, Phones).Reason);
        Assert.Equal("invalidNumber", Rules.Decide(Person("+12125550101") with { NumberInvalid = true }, "Sale", Utc(2026, 11, 24, 16, 0), [], false, Phones).Reason);
        Assert.Equal("duplicate", Rules.Decide(Person("+12125550101"), "Sale", Utc(2026, 11, 24, 16, 0), [], true, Phones).Reason);
    }

    [Theory]
    // New York (federal 08:00–21:00, EST = UTC-5 in November)
    [InlineData("+12125550101", null, "2026-11-24T13:00Z", true, null)]
    [InlineData("+12125550101", null, "2026-11-25T01:59Z", true, null)] // 20:59
    [InlineData("+12125550101", null, "2026-11-25T02:00Z", false, "2026-11-25T13:00Z")] // 21:00 → 08:00 next day
    [InlineData("+12125550101", null, "2026-11-24T12:59Z", false, "2026-11-24T13:00Z")] // 07:59
    // Miami (Florida 08:00–20:00)
    [InlineData("+13055550123", null, "2026-11-25T00:59Z", true, null)] // 19:59
    [InlineData("+13055550123", null, "2026-11-25T01:00Z", false, "2026-11-25T13:00Z")] // 20:00
    // Oklahoma City (Central, 08:00–20:00)
    [InlineData("+14055550199", null, "2026-11-25T02:00Z", false, "2026-11-25T14:00Z")] // 20:00 CST
    // San Antonio, Texas: 09:00 on weekdays, noon on Sunday (2026-11-29 is a Sunday)
    [InlineData("+12105550100", null, "2026-11-24T14:30Z", false, "2026-11-24T15:00Z")] // Tue 08:30 → 09:00
    [InlineData("+12105550100", null, "2026-11-29T17:59Z", false, "2026-11-29T18:00Z")] // Sun 11:59 → 12:00
    [InlineData("+12105550100", null, "2026-11-29T18:00Z", true, null)]
    // The contact's own state wins over the number's: a New York number living in Florida
    [InlineData("+12125550101", "FL", "2026-11-25T01:30Z", false, "2026-11-25T13:00Z")]
    // Alaska number in two zones (Adak is an hour behind Anchorage): inside both windows only
    [InlineData("+19075550111", null, "2026-11-24T17:30Z", false, "2026-11-24T18:00Z")] // 08:30 AKST, 07:30 HST-Adak
    public void Quiet_hours_in_the_recipients_local_time(string phone, string? state, string at, bool eligible, string? earliest)
    {
        var d = Rules.Decide(Person(phone, state), "Sale", DateTime.Parse(at, null, System.Globalization.DateTimeStyles.AdjustToUniversal), [], false, Phones);
        Assert.Equal(eligible, d.Eligible);
        Assert.Equal(eligible ? null : "quietHours", d.Reason);
        Assert.Equal(earliest is null ? null : DateTime.Parse(earliest, null, System.Globalization.DateTimeStyles.AdjustToUniversal), d.EarliestSendAt);
    }

    [Fact]
    public void A_toll_free_number_gets_the_strictest_window_in_every_US_zone()
    {
        // 14:00 UTC = 09:00 New York but 04:00 Honolulu: not inside every zone the number can be in.
        var d = Rules.Decide(Person("+18005550100"), "Sale", Utc(2026, 11, 24, 14, 0), [], false, Phones);
        Assert.False(d.Eligible);
        Assert.Equal("quietHours", d.Reason);
    }

    [Fact]
    public void The_spring_forward_morning_opens_at_eight_local()
    {
        // 2026-03-08: New York jumps from 02:00 EST to 03:00 EDT; 08:00 EDT = 12:00 UTC.
        var d = Rules.Decide(Person("+12125550101"), "Sale", Utc(2026, 3, 8, 11, 30), [], false, Phones);
        Assert.Equal(Utc(2026, 3, 8, 12, 0), d.EarliestSendAt);
    }

    [Fact]
    public void The_frequency_cap_holds_a_second_text_for_sixteen_hours()
    {
        var at = Utc(2026, 11, 24, 16, 0); // 11:00 New York
        var d = Rules.Decide(Person("+12125550101"), "Sale", at, [at.AddHours(-3)], false, Phones);
        Assert.Equal("frequencyCap", d.Reason);
        // 13:00 UTC + 16 h = 05:00 UTC = midnight in New York → moved on to 08:00 local.
        Assert.Equal(Utc(2026, 11, 25, 13, 0), d.EarliestSendAt);
        // The cap sets the hold, then the hours: both named, in the order they apply.
        Assert.Equal("frequencyCap", d.Rule);
        Assert.Equal("Held until Wednesday 08:00 ET — one marketing text to a number every 16 hours at most (Sms:FrequencyCapHours); "
            + "then Federal law allows 08:00–21:00 (47 CFR 64.1200(c)(1))", d.Explanation);
        Assert.True(Rules.Decide(Person("+12125550101"), "Sale", at, [at.AddHours(-16)], false, Phones).Eligible);
    }

    [Fact]
    public void A_text_exactly_the_gap_ago_no_longer_holds_the_next_one_a_minute_less_still_does()
    {
        var at = Utc(2026, 11, 25, 2, 0); // Tuesday 21:00 New York: federal hours are over
        var free = Rules.Decide(Person("+12125550101"), "Sale", at, [at.AddHours(-16)], false, Phones);
        Assert.Equal(("quietHours", Utc(2026, 11, 25, 13, 0)), (free.Reason, free.EarliestSendAt));
        Assert.Equal("federal:daily", free.Rule);
        Assert.Equal("Held until Wednesday 08:00 ET — Federal law allows 08:00–21:00 (47 CFR 64.1200(c)(1))", free.Explanation);

        var held = Rules.Decide(Person("+12125550101"), "Sale", at, [at.AddHours(-16).AddMinutes(1)], false, Phones);
        Assert.Equal(("quietHours", Utc(2026, 11, 25, 13, 0)), (held.Reason, held.EarliestSendAt));
        Assert.Equal("frequencyCap", held.Rule);
        Assert.Equal("Held until Wednesday 08:00 ET — one marketing text to a number every 16 hours at most (Sms:FrequencyCapHours); then Federal law allows 08:00–21:00 (47 CFR 64.1200(c)(1))", held.Explanation);
    }

    [Fact]
    public void The_states_of_upcoming_parties_bring_their_rules()
    {
        // Sunday 11:30 in New York: federal hours allow it, but her party is in Texas, where Sunday texts start at noon.
        var at = Utc(2026, 11, 29, 16, 30);
        Assert.True(Rules.Decide(Person("+12125550101", "NY"), "Sale", at, [], false, Phones).Eligible);
        var d = Rules.Decide(Person("+12125550101", "NY") with { PartyStates = ["TX"] }, "Sale", at, [], false, Phones);
        Assert.Equal(("quietHours", Utc(2026, 11, 29, 17, 0), "TX:sunday"), (d.Reason, d.EarliestSendAt, d.Rule));
        Assert.Equal("Held until Sunday 12:00 ET — Texas allows 12:00–21:00 on Sundays (Tex. Bus. & Com. Code 301.051; SB 140 (2025) amended chs. 302/304/305)", d.Explanation);
    }

    [Fact]
    public void The_rules_a_plan_is_made_with_are_the_ones_applied()
    {
        // An Admin's tightening for New York (10:00–18:00 on weekdays) holds a Tuesday 09:00 text the law alone allows.
        var tightened = new TextingRules(StateRuleTable.Shipped, CompliancePolicy.Conservative,
            [new StateRuleTightening("NY", new DayWindow(TimeSpan.FromHours(10), TimeSpan.FromHours(18)), null, null, "owner@test.local", "complaints", Utc(2026, 11, 1, 0, 0))]);
        var rules = new CampaignRules(frequencyCapHours: 16, businessName: "B", businessTimeZone: "America/New_York", tightened);
        var at = Utc(2026, 11, 24, 14, 0);
        Assert.True(Rules.Decide(Person("+12125550101", "NY"), "Sale", at, [], false, Phones).Eligible);
        var d = rules.Decide(Person("+12125550101", "NY"), "Sale", at, [], false, Phones);
        Assert.Equal(("quietHours", Utc(2026, 11, 24, 15, 0), "NY-tightened:weekday"), (d.Reason, d.EarliestSendAt, d.Rule));
        Assert.Equal("Held until Tuesday 10:00 ET — Your rule for New York (complaints, set by owner@test.local) allows 10:00–18:00 on weekdays (stricter than the law)", d.Explanation);
    }

    [Fact]
    public void Florida_allows_three_texts_per_rolling_day()
    {
        var rules = new CampaignRules(frequencyCapHours: 1, businessName: "B", businessTimeZone: "America/New_York");
        var at = Utc(2026, 11, 24, 20, 0); // 15:00 Miami
        DateTime[] sent = [at.AddHours(-7), at.AddHours(-5), at.AddHours(-2)];
        var florida = rules.Decide(Person("+13055550123"), "Sale", at, sent, false, Phones);
        Assert.Equal("frequencyCap", florida.Reason);
        Assert.Equal(at.AddHours(-7).AddHours(24), florida.EarliestSendAt); // the oldest of the three leaves the window
        Assert.True(rules.Decide(Person("+12125550101"), "Sale", at, sent, false, Phones).Eligible); // New York: no daily cap
    }
}

public sealed class CampaignLinkTests
{
    [Theory]
    [InlineData("Book now: bit.ly/xmas", "bit.ly")]
    [InlineData("Book now: https://bit.ly/xmas", "bit.ly")]
    [InlineData("Book now: http://www.tinyurl.com/abc?x=1", "tinyurl.com")]
    [InlineData("Menu at BIT.LY.", "BIT.LY")]
    [InlineData("Menu at t.co/x, or call", "t.co")]
    [InlineData("(see rb.gy/1)", "rb.gy")]
    public void Public_shorteners_are_found_in_any_common_form(string message, string host) =>
        Assert.Equal([host], CampaignRules.ShortenedLinks(message));

    [Theory]
    [InlineData("Book now: https://emberandsteel.com/book")]
    [InlineData("Book at emberandsteel.com/xmas")]
    [InlineData("Our site: mybit.ly.example.com/x")]
    [InlineData("notbit.ly/x")]
    [InlineData("Reply STOP to opt out.")]
    [InlineData("")]
    public void Own_domains_and_plain_text_pass(string message) =>
        Assert.Empty(CampaignRules.ShortenedLinks(message));
}

