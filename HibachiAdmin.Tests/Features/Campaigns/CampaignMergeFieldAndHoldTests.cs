using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Messaging;

namespace HibachiAdmin.Tests.Features.Campaigns;

/// <summary>The merge fields' edges, the hold reasons that only delay, and the carriers' shortener list, pinned.</summary>
public sealed class CampaignMergeFieldAndHoldTests
{
    private static readonly CampaignRules Rules = new(frequencyCapHours: 16, businessName: "Ember & Steel Hibachi", businessTimeZone: "America/New_York");

    [Theory]
    [InlineData("quietHours", true)]
    [InlineData("frequencyCap", true)]
    [InlineData("optedOut", false)]
    [InlineData("noConsent", false)]
    [InlineData("invalidNumber", false)]
    [InlineData("duplicate", false)]
    [InlineData("bookedSoon", false)]
    [InlineData("textedRecently", false)]
    [InlineData(null, false)]
    public void Only_quiet_hours_and_caps_delay_a_text_every_other_reason_skips_it(string? reason, bool delays) =>
        Assert.Equal(delays, HoldReasons.IsDelay(reason));

    [Fact]
    public void Merge_fields_without_a_value_use_their_fallback_or_nothing_and_the_opt_out_line_is_exact()
    {
        Assert.Equal("Hi ! Reply STOP to opt out.", Rules.Render("Hi {FirstName}!", null));
        Assert.Equal("Dear friend, Reply STOP to opt out.", Rules.Render("Dear {Name|friend},", "   "));
        Assert.Equal("Dear Ava Miller, Reply STOP to opt out.", Rules.Render("Dear {Name|friend},", "  Ava Miller "));
        Assert.Equal("Dear , Reply STOP to opt out.", Rules.Render("Dear {Name},", null));
        Assert.Equal("Hi pal Reply STOP to opt out.", Rules.Render("Hi {FirstName|pal}", "   "));
        // A first "name" with a digit in it is not a name.
        Assert.Equal("Hi pal Reply STOP to opt out.", Rules.Render("Hi {FirstName|pal}", "R2D2 Unit"));
        Assert.Equal("Hi Ava Reply STOP to opt out.", Rules.Render("Hi {FirstName|pal}", "Ava R2"));
        Assert.Equal("From Ember & Steel Hibachi: hello. Reply STOP to opt out.", Rules.Render("From {BusinessName}: hello.", null));
        Assert.Equal("Reply STOP to opt out.", CampaignRules.OptOutLine);
        Assert.Equal("Hi {Unknown} Reply STOP to opt out.", Rules.Render("Hi {Unknown}", "Ava"));
    }

    [Theory]
    [InlineData("Hi {FirstName|Text STOP}, 2-for-1 tonight", "Hi Ava, 2-for-1 tonight Reply STOP to opt out.")]
    [InlineData("Dear {Name|send stop}, 2-for-1 tonight", "Dear Ava Miller, 2-for-1 tonight Reply STOP to opt out.")]
    [InlineData("Hi {firstname|Reply STOP}!", "Hi Ava! Reply STOP to opt out.")]
    public void A_fallbacks_words_are_no_opt_out_instruction_because_a_name_replaces_them(string template, string text)
    {
        Assert.False(Rules.TemplateHasOptOut(template));
        Assert.Equal(text, Rules.Render(template, "Ava Miller"));
    }

    [Fact]
    public void Two_people_with_the_same_first_name_get_their_own_full_name()
    {
        var phones = new Phones();
        var at = new DateTime(2026, 11, 24, 16, 0, 0, DateTimeKind.Utc);
        var miller = Rules.Decide(new CampaignRecipient(Guid.NewGuid(), "Ava Miller", "+12125550101", SmsConsent.OptedIn, "NY", null), "Dear {Name},", at, [], false, phones);
        var jones = Rules.Decide(new CampaignRecipient(Guid.NewGuid(), "Ava Jones", "+12125550102", SmsConsent.OptedIn, "NY", null), "Dear {Name},", at, [], false, phones);
        Assert.Equal("Dear Ava Miller, Reply STOP to opt out.", miller.Text);
        Assert.Equal("Dear Ava Jones, Reply STOP to opt out.", jones.Text);
    }

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static CampaignRecipient Stored(string phone, string? state, string? zones) =>
        new(Guid.NewGuid(), "Ava Miller", phone, SmsConsent.OptedIn, state, zones);

    [Theory]
    [InlineData("FL", 3)]
    [InlineData("OK", 3)]
    [InlineData("MD", 3)]
    [InlineData("fl", 3)]
    [InlineData("ok", 3)]
    [InlineData("md", 3)]
    [InlineData("NY", null)]
    [InlineData("TX", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Florida_Oklahoma_and_Maryland_cap_texts_at_three_per_rolling_day(string? state, int? cap) =>
        Assert.Equal(cap, CampaignRules.DailyCap(state));

    [Theory]
    [InlineData("+13055550123", "America/New_York", "dailyCap:FL", "Held until Wednesday 10:00 ET — Florida allows at most 3 marketing texts to a person in 24 hours (Fla. Stat. 501.616(6)(b))")]
    [InlineData("+14055550199", "America/Chicago", "dailyCap:OK", "Held until Wednesday 09:00 CT — Oklahoma allows at most 3 marketing texts to a person in 24 hours (15 O.S. 775C.4)")]
    [InlineData("+14105550123", "America/New_York", "dailyCap:MD", "Held until Wednesday 10:00 ET — Maryland allows at most 3 marketing texts to a person in 24 hours (Md. Code, Com. Law 14-4502)")]
    // A toll-free number of someone whose state is unknown: they may be in any of the three.
    [InlineData("+18005550101", "America/New_York", "dailyCap:*", "Held until Wednesday 10:00 ET — where the person is is not known, and Florida, Oklahoma and Maryland allow at most 3 marketing texts in 24 hours")]
    public void A_daily_cap_hold_cites_the_states_law_and_says_when_the_text_goes(string phone, string zone, string rule, string explanation)
    {
        var rules = new CampaignRules(frequencyCapHours: 1, businessName: "B", businessTimeZone: "America/New_York");
        var at = Utc(11, 24, 20); // Tuesday afternoon
        // The oldest of the three leaves the rolling day at 15:00 UTC tomorrow, inside every one of these states' hours
        // (and inside the strictest window of all, 10:00–18:00 on weekdays).
        var d = rules.Decide(Stored(phone, null, zone), "Sale", at, [at.AddHours(-5), at.AddHours(-4), at.AddHours(-2)], false, new Phones());
        Assert.Equal(("frequencyCap", Utc(11, 25, 15)), (d.Reason, d.EarliestSendAt));
        Assert.Equal((rule, explanation), (d.Rule, d.Explanation));
    }

    [Fact]
    public void Someone_in_two_capped_states_is_told_of_the_first_in_alphabetical_order_every_time()
    {
        var rules = new CampaignRules(frequencyCapHours: 1, businessName: "B", businessTimeZone: "America/New_York");
        var at = Utc(11, 24, 20);
        DateTime[] sent = [at.AddHours(-5), at.AddHours(-4), at.AddHours(-2)];
        // A Miami number of someone who lives in Oklahoma, and one with a party in Maryland: Florida is named either way.
        foreach (var person in new[] { Stored("+13055550123", "OK", "America/New_York"), Stored("+13055550123", null, "America/New_York") with { PartyStates = ["MD"] } })
        {
            var d = rules.Decide(person, "Sale", at, sent, false, new Phones());
            Assert.Equal("dailyCap:FL", d.Rule);
            Assert.EndsWith("— Florida allows at most 3 marketing texts to a person in 24 hours (Fla. Stat. 501.616(6)(b))", d.Explanation);
        }
    }

    [Fact]
    public void At_night_a_text_sent_exactly_24_hours_ago_no_longer_counts_toward_the_cap_and_one_a_minute_younger_does()
    {
        var rules = new CampaignRules(frequencyCapHours: 1, businessName: "B", businessTimeZone: "America/New_York");
        var at = Utc(11, 25, 1, 30); // Tuesday 20:30 in Miami: Florida's hours ended at 20:00
        var miami = Stored("+13055550123", "FL", "America/New_York");
        var hours = rules.Decide(miami, "Sale", at, [at.AddHours(-24), at.AddHours(-5), at.AddHours(-2)], false, new Phones());
        Assert.Equal(("quietHours", Utc(11, 25, 13), "FL:daily"), (hours.Reason, hours.EarliestSendAt, hours.Rule));
        Assert.Equal("Held until Wednesday 08:00 ET — Florida allows 08:00–20:00 (Fla. Stat. 501.616(6)(a) (Florida Telemarketing Act, as amended by SB 1120 (2021)))", hours.Explanation);

        var capped = rules.Decide(miami, "Sale", at, [at.AddHours(-24).AddMinutes(1), at.AddHours(-5), at.AddHours(-2)], false, new Phones());
        Assert.Equal(("quietHours", Utc(11, 25, 13), "dailyCap:FL"), (capped.Reason, capped.EarliestSendAt, capped.Rule));
        Assert.Equal("Held until Wednesday 08:00 ET — Florida allows at most 3 marketing texts to a person in 24 hours (Fla. Stat. 501.616(6)(b)); then Florida allows 08:00–20:00 (Fla. Stat. 501.616(6)(a) (Florida Telemarketing Act, as amended by SB 1120 (2021)))", capped.Explanation);
    }

    [Fact]
    public void A_Maryland_contact_with_three_texts_in_the_last_day_waits_for_the_oldest_to_leave_it()
    {
        var rules = new CampaignRules(frequencyCapHours: 1, businessName: "B", businessTimeZone: "America/New_York");
        var at = Utc(11, 24, 18); // 13:00 in Baltimore
        DateTime[] sent = [at.AddHours(-2), at.AddHours(-4), at.AddHours(-3)];
        var d = rules.Decide(Stored("+14105550123", "md", "America/New_York"), "Sale", at, sent, false, new Phones());
        Assert.Equal("frequencyCap", d.Reason);
        Assert.Equal(at.AddHours(20), d.EarliestSendAt); // 09:00 tomorrow in Baltimore
    }

    [Fact]
    public void A_number_stored_without_a_plus_is_parsed_and_texted_in_E164_by_its_own_state()
    {
        var phones = new Phones();
        // Stored as typed, zones present: parsed anyway, so the text goes to the E.164 form.
        var ny = Rules.Decide(Stored("2125550101", null, "America/New_York"), "Sale", Utc(11, 24, 16), [], false, phones);
        Assert.True(ny.Eligible);
        Assert.Equal("+12125550101", ny.Phone);
        // A Miami number stored as "(305) 555-0123": its state (Florida, 08:00–20:00) comes from the number,
        // so 20:30 in Miami waits for 08:00, not for the strictest unknown-state window's 09:00.
        var miami = Rules.Decide(Stored("(305) 555-0123", null, "America/New_York"), "Sale", Utc(11, 25, 1, 30), [], false, phones);
        Assert.Equal("+13055550123", miami.Phone);
        Assert.Equal("quietHours", miami.Reason);
        Assert.Equal(Utc(11, 25, 13), miami.EarliestSendAt);
    }

    [Fact]
    public void A_stored_number_brings_its_own_states_hours()
    {
        // A Miami number stored in E.164 with its zone, no state on the contact: Florida's hours (until 20:00) apply,
        // not the unknown-state window (Rhode Island's weekdays end at 18:00).
        var d = Rules.Decide(Stored("+13055550123", null, "America/New_York"), "Sale", Utc(11, 24, 23, 30), [], false, new Phones());
        Assert.True(d.Eligible);
        Assert.Equal("quietHours", Rules.Decide(Stored("+13055550123", null, "America/New_York"), "Sale", Utc(11, 25, 1), [], false, new Phones()).Reason);
    }

    [Theory]
    [InlineData("+121")]
    [InlineData("+1212")]
    [InlineData("+4420")]
    public void A_stored_number_too_short_for_an_area_code_does_not_stop_the_plan_and_gets_the_strictest_window(string phone)
    {
        // Data from before numbers were validated: no state can be read from it, so every state's rule applies.
        var rules = new CampaignRules(frequencyCapHours: 1, businessName: "B", businessTimeZone: "America/New_York");
        var d = rules.Decide(Stored(phone, null, "America/New_York"), "Sale", Utc(11, 24, 13, 30), [], false, new Phones());
        Assert.Equal(("quietHours", Utc(11, 24, 15)), (d.Reason, d.EarliestSendAt));
    }

    [Fact]
    public void An_invalid_number_is_reported_as_stored()
    {
        var d = Rules.Decide(Stored("555-01", null, null), "Sale", Utc(11, 24, 16), [], false, new Phones());
        Assert.Equal("invalidNumber", d.Reason);
        Assert.Equal("555-01", d.Phone);
    }

    [Fact]
    public void Stored_zones_are_used_as_stored_and_an_empty_list_is_read_from_the_number()
    {
        var phones = new Phones();
        var at = Utc(12, 1, 15, 30); // 07:30 in San Francisco, 10:30 in New York
        // No stored zones: the number's (Pacific) decide, 08:00 there.
        var fromNumber = Rules.Decide(Stored("+14155550100", "CA", ""), "Sale", at, [], false, phones);
        Assert.Equal("quietHours", fromNumber.Reason);
        Assert.Equal(Utc(12, 1, 16), fromNumber.EarliestSendAt);
        // Zones stored with the contact (e.g. a Californian number of someone living in New York) are the truth.
        Assert.True(Rules.Decide(Stored("+14155550100", "CA", "America/New_York"), "Sale", at, [], false, phones).Eligible);
    }

    [Theory]
    [InlineData("2026-11-24T13:30Z", "2026-11-24T15:00Z")] // Tue 08:30 New York: federal would allow it, Kentucky opens at 10:00
    [InlineData("2026-11-24T23:30Z", "2026-11-25T15:00Z")] // Tue 18:30: Rhode Island's weekdays end at 18:00
    [InlineData("2026-11-29T16:30Z", "2026-11-30T15:00Z")] // Sun 11:30: Alabama, Louisiana, Mississippi, Rhode Island and Utah allow no Sunday texts
    public void An_unknown_state_gets_the_strictest_window_with_or_without_earlier_texts(string at, string earliest)
    {
        var when = DateTime.Parse(at, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var expected = DateTime.Parse(earliest, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var rules = new CampaignRules(frequencyCapHours: 1, businessName: "B", businessTimeZone: "America/New_York");
        // A toll-free number has no state, and the contact none either: every state's rule applies.
        var fresh = rules.Decide(Stored("+18005550101", null, "America/New_York"), "Sale", when, [], false, new Phones());
        Assert.Equal("quietHours", fresh.Reason);
        Assert.Equal(expected, fresh.EarliestSendAt);
        var texted = rules.Decide(Stored("+18005550101", null, "America/New_York"), "Sale", when, [when.AddDays(-2)], false, new Phones());
        Assert.Equal("quietHours", texted.Reason);
        Assert.Equal(expected, texted.EarliestSendAt);
    }

    [Fact]
    public void The_frequency_gap_counts_from_the_latest_text_in_whatever_order_the_history_comes()
    {
        var at = Utc(11, 24, 16); // 11:00 New York
        var expected = Utc(11, 25, 13); // latest (13:00 UTC) + 16 h = midnight New York → 08:00
        foreach (var sent in new[] { new[] { at.AddHours(-20), at.AddHours(-3) }, [at.AddHours(-3), at.AddHours(-20)] })
        {
            var d = Rules.Decide(Stored("+12125550101", "NY", "America/New_York"), "Sale", at, sent, false, new Phones());
            Assert.Equal("frequencyCap", d.Reason);
            Assert.Equal(expected, d.EarliestSendAt);
        }
    }

    [Fact]
    public void A_text_sent_exactly_24_hours_ago_has_left_the_rolling_day()
    {
        var rules = new CampaignRules(frequencyCapHours: 1, businessName: "B", businessTimeZone: "America/New_York");
        var at = Utc(11, 24, 20); // 15:00 Miami
        var miami = Stored("+13055550123", "FL", "America/New_York");
        Assert.True(rules.Decide(miami, "Sale", at, [at.AddHours(-24), at.AddHours(-5), at.AddHours(-2)], false, new Phones()).Eligible);
        var held = rules.Decide(miami, "Sale", at, [at.AddHours(-24).AddMinutes(1), at.AddHours(-5), at.AddHours(-2)], false, new Phones());
        Assert.Equal("frequencyCap", held.Reason);
        Assert.Equal(at.AddMinutes(1), held.EarliestSendAt);
    }

    [Fact]
    public void After_the_frequency_gap_the_recipients_own_quiet_hours_still_apply()
    {
        var at = Utc(12, 1, 15, 30); // 07:30 San Francisco; the last text was 20 hours ago
        var d = Rules.Decide(Stored("+14155550100", "CA", "America/Los_Angeles"), "Sale", at, [at.AddHours(-20)], false, new Phones());
        Assert.Equal("quietHours", d.Reason);
        Assert.Equal(Utc(12, 1, 16), d.EarliestSendAt);
    }

    [Fact]
    public void A_toll_free_number_of_someone_whose_state_is_unknown_is_never_texted_at_an_hour_quiet_somewhere()
    {
        // Unknown state, every NANP zone from Guam to Bermuda: under every state's rule (10:00–18:00 on weekdays, no
        // Sundays) they never share an instant, so the hold runs past the search horizon to an instant that is still
        // not allowed (a re-check keeps holding it), and the explanation says why instead of naming a time.
        var at = Utc(3, 24, 14, 51);
        var d = Rules.Decide(Stored("+18005550100", null, null), "Sale", at, [], false, new Phones());
        Assert.Equal("quietHours", d.Reason);
        var zones = QuietHours.Zones(new Phones().Parse("+18005550100")!.TimeZones, "America/New_York");
        Assert.True(zones.Count > 5, "a toll-free number can be in any US zone");
        Assert.False(QuietHours.IsAllowed(d.EarliestSendAt!.Value, QuietHours.Strictest, zones), $"held until {d.EarliestSendAt:O}");
        Assert.True(d.EarliestSendAt >= at.AddDays(QuietHours.HorizonDays));
        Assert.Equal("noCommonHour", d.Rule);
        Assert.StartsWith("Held: no hour is allowed in every time zone", d.Explanation);
    }

    [Theory]
    [InlineData("bit.ly")]
    [InlineData("bitly.com")]
    [InlineData("tinyurl.com")]
    [InlineData("goo.gl")]
    [InlineData("t.co")]
    [InlineData("ow.ly")]
    [InlineData("is.gd")]
    [InlineData("buff.ly")]
    [InlineData("rebrand.ly")]
    [InlineData("cutt.ly")]
    [InlineData("shorturl.at")]
    [InlineData("tiny.cc")]
    [InlineData("rb.gy")]
    [InlineData("t.ly")]
    [InlineData("s.id")]
    [InlineData("v.gd")]
    [InlineData("shorte.st")]
    [InlineData("bl.ink")]
    [InlineData("short.io")]
    [InlineData("lnkd.in")]
    [InlineData("tr.im")]
    [InlineData("x.co")]
    public void Every_public_shortener_carriers_filter_is_refused(string host) =>
        Assert.Equal([host], CampaignRules.ShortenedLinks($"Book now at https://{host}/dec12"));
}
