using CsCheck;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Tests.Features.Campaigns;

/// <summary>
/// Properties over generated (number, state, instant, history): whatever the engine calls eligible is
/// inside the sending window in every zone the number can be in, by an independent reading of the
/// rules, and respects the caps; whatever it holds gets a time that is itself allowed.
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

    /// <summary>The windows as the statutes state them (us-sms-quiet-hours.json), read independently of QuietHours.</summary>
    private static (TimeSpan Start, TimeSpan End) Window(string? state, DayOfWeek day) => state switch
    {
        "FL" or "OK" or "MD" => (TimeSpan.FromHours(8), TimeSpan.FromHours(20)),
        "TX" => (TimeSpan.FromHours(day == DayOfWeek.Sunday ? 12 : 9), TimeSpan.FromHours(21)),
        null => (TimeSpan.FromHours(day == DayOfWeek.Sunday ? 12 : 9), TimeSpan.FromHours(20)), // unknown: the strictest of all
        _ => (TimeSpan.FromHours(8), TimeSpan.FromHours(21)),
    };

    private static bool InsideEveryZone(DateTime utc, string phone, string? state)
    {
        var parsed = Phones.Parse(phone)!;
        var effective = state ?? parsed.State;
        foreach (var id in parsed.TimeZones)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById(id));
            var (start, end) = Window(effective, local.DayOfWeek);
            if (local.TimeOfDay < start || local.TimeOfDay >= end)
            {
                return false;
            }
        }
        return true;
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
            var effectiveState = c.State ?? Phones.Parse(c.Phone)!.State;
            bool CapsAllow(DateTime t) =>
                c.Sent.All(s => t >= s.AddHours(16))
                && (CampaignRules.DailyCap(effectiveState) is not { } cap || c.Sent.Count(s => s > t.AddHours(-24)) < cap);
            if (d.Eligible)
            {
                return InsideEveryZone(c.At, c.Phone, c.State) && CapsAllow(c.At);
            }
            return d.EarliestSendAt is { } when && when > c.At && InsideEveryZone(when, c.Phone, c.State) && CapsAllow(when);
        }, iter: 3000);
    }
}
