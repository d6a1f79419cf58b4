using CsCheck;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Tests.Features.Campaigns;

/// <summary>
/// Properties over generated (number, state, instant, history): whatever the engine calls eligible is
/// inside the sending window of every state the person may be in (theirs and the number's) in every zone the number
/// can be in, by an independent reading of the research, and respects the caps; whatever it holds gets a time that is
/// itself allowed.
/// </summary>
public sealed class CampaignRulesPropertyTests
{
    private static readonly Phones Phones = new();
    private static readonly CampaignRules Rules = new(frequencyCapHours: 16, businessName: "B", businessTimeZone: "America/New_York");

    private static readonly string[] Numbers =
    [
        "+12125550101", "+13055550123", "+14055550199", "+12105550100", "+14155550100", "+16025550100",
        "+18085550100", "+19075550111", "+12085550100", "+17015550100", "+18005550100", "+14105550100",
    ];

    private static readonly string?[] States = [null, "FL", "OK", "MD", "TX", "NY", "CA"];

    /// <summary>
    /// The windows as the research states them (us-state-quiet-hours.json), read independently of the app's table: under the
    /// default Conservative policy every row that does or may reach texts, with Mississippi's hours also read in Central
    /// Standard Time. Holidays are left out here (a weaker, still sound check: HolidaysAndPlacesTests pins them).
    /// </summary>
    private static readonly Dictionary<string, System.Text.Json.JsonElement> Research =
        System.Text.Json.JsonDocument.Parse(Fixtures.Read("us-state-quiet-hours.json")).RootElement.GetProperty("states").EnumerateArray()
            .Where(r => r.GetProperty("coversTexts").GetString() != "no")
            .ToDictionary(r => r.GetProperty("state").GetString()!);

    private static readonly TimeZoneInfo Cst = TimeZoneInfo.CreateCustomTimeZone("Test/CST", TimeSpan.FromHours(-6), "CST", "CST");

    private static bool Inside(string state, DateTime local)
    {
        if (!Research.TryGetValue(state, out var row))
        {
            return true; // a voice-only rule: not applied under Conservative
        }
        var w = row.GetProperty(local.DayOfWeek switch { DayOfWeek.Saturday => "saturday", DayOfWeek.Sunday => "sunday", _ => "weekday" });
        if (w.ValueKind == System.Text.Json.JsonValueKind.Null)
        {
            return false;
        }
        var start = TimeSpan.ParseExact(w[0].GetString()!, "hhmm", null);
        var end = TimeSpan.ParseExact(w[1].GetString()!, "hhmm", null);
        return local.TimeOfDay >= start && local.TimeOfDay < end;
    }

    /// <summary>The contact's state and the number's; neither known: every state.</summary>
    private static IReadOnlyList<string> StatesOf(string phone, string? state)
    {
        var states = new[] { state, Phones.Parse(phone)!.State }.OfType<string>().Distinct().ToList();
        return states.Count > 0 ? states : [.. Research.Keys];
    }

    private static bool InsideEveryZone(DateTime utc, string phone, string? state)
    {
        var parsed = Phones.Parse(phone)!;
        var states = StatesOf(phone, state);
        foreach (var id in parsed.TimeZones)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById(id));
            if (local.TimeOfDay < TimeSpan.FromHours(8) || local.TimeOfDay >= TimeSpan.FromHours(21) || !states.All(s => Inside(s, local)))
            {
                return false;
            }
        }
        return !states.Contains("MS") || Inside("MS", TimeZoneInfo.ConvertTimeFromUtc(utc, Cst));
    }

    private static readonly Gen<(string Phone, string? State, DateTime At, DateTime[] Sent)> Cases =
        Gen.Select(Gen.Int[0, Numbers.Length - 1], Gen.Int[0, States.Length - 1], Gen.Int[0, 365 * 24 * 60 - 1], Gen.Int[0, 40 * 60].Array[0, 4])
            .Select((n, s, minute, ago) =>
            {
                var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(minute);
                return (Numbers[n], States[s], at, ago.Select(m => at.AddMinutes(-m)).ToArray());
            });

    [Fact]
    public void Eligible_means_inside_every_window_and_outside_every_cap_and_a_hold_names_an_allowed_time()
    {
        Cases.Sample(c =>
        {
            var recipient = new CampaignRecipient(Guid.NewGuid(), "Ava", c.Phone, SmsConsent.OptedIn, c.State, null);
            var d = Rules.Decide(recipient, "Sale", c.At, c.Sent, false, Phones);
            var known = new[] { c.State, Phones.Parse(c.Phone)!.State }.OfType<string>().ToList();
            var cap = (known.Count > 0 ? known : ["*"]).Select(CampaignRules.DailyCap).Min();
            bool CapsAllow(DateTime t) =>
                c.Sent.All(s => t >= s.AddHours(16))
                && (cap is not { } n || c.Sent.Count(s => s > t.AddHours(-24)) < n);
            if (d.Eligible)
            {
                return InsideEveryZone(c.At, c.Phone, c.State) && CapsAllow(c.At);
            }
            // A toll-free number of someone whose state is unknown has no common hour: held past the horizon, never sent.
            return d.EarliestSendAt is { } when && when > c.At && CapsAllow(when)
                && (InsideEveryZone(when, c.Phone, c.State) || (d.Rule == "noCommonHour" && when >= c.At.AddDays(QuietHours.HorizonDays)));
        }, iter: 3000);
    }
}
