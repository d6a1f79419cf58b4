using System.Text.RegularExpressions;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>
/// The campaign compliance engine: pure, no I/O. Renders each recipient's final text (merge fields and
/// the opt-out line included) and decides whether it may be sent at a given instant:
/// <list type="bullet">
/// <item>marketing needs <c>optedIn</c>; opted-out, invalid and duplicate numbers are skipped;</item>
/// <item>texting hours (<see cref="TextingRules"/>: federal, the state rules the policy picks, holidays, the Admins'
/// tightenings) in the recipient's local time, for every place the person may be: the contact's state, the number's
/// state and every zone it can be in, and the states of their upcoming parties; nowhere known means every state;</item>
/// <item>frequency: <c>Sms:FrequencyCapHours</c> between marketing texts to a number, and at most 3 per
/// rolling 24 h when any of their states is Florida, Oklahoma or Maryland.</item>
/// </list>
/// A delayed recipient gets the first instant at which every rule allows the text, and the sentence saying why.
/// </summary>
public sealed partial class CampaignRules(int frequencyCapHours, string businessName, string businessTimeZone, TextingRules? texting = null)
{
    private readonly TextingRules _texting = texting ?? TextingRules.Default;

    public const string OptOutLine = "Reply STOP to opt out.";

    /// <summary>States with a cap of texts per rolling 24 hours (Fla. Stat. 501.616(6)(b); Okla. 15 O.S. 775C; Md. Com. Law §14-4504).</summary>
    /// <remarks>A person whose state is unknown (<see cref="TextingRules.Anywhere"/>) may be in one of them.</remarks>
    public static int? DailyCap(string? state) => state?.ToUpperInvariant() is "FL" or "OK" or "MD" or TextingRules.Anywhere ? 3 : null;

    private static readonly Dictionary<string, string> DailyCapCitations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["FL"] = "Florida allows at most 3 marketing texts to a person in 24 hours (Fla. Stat. 501.616(6)(b))",
        ["OK"] = "Oklahoma allows at most 3 marketing texts to a person in 24 hours (15 O.S. 775C.4)",
        ["MD"] = "Maryland allows at most 3 marketing texts to a person in 24 hours (Md. Code, Com. Law 14-4502)",
        [TextingRules.Anywhere] = "where the person is is not known, and Florida, Oklahoma and Maryland allow at most 3 marketing texts in 24 hours",
    };

    /// <summary>
    /// The final text for one recipient: <c>{FirstName}</c> / <c>{FirstName|fallback}</c>, <c>{Name}</c>,
    /// <c>{BusinessName}</c> filled in (the name cleaned of control and bidi characters, as stored names
    /// from before the cleaning may still have them), and the opt-out line added when the template has none.
    /// </summary>
    public string Render(string template, string? name)
    {
        name = PersonNames.Clean(name);
        var first = FirstName(name);
        var text = MergeField().Replace(template, m =>
        {
            var field = m.Groups["field"].Value;
            // An absent group's Value is "": {FirstName} without a fallback falls back to nothing.
            var fallback = m.Groups["fallback"].Value;
            return field.ToLowerInvariant() switch
            {
                "firstname" => first ?? fallback,
                "name" => name.Length == 0 ? fallback : name,
                "businessname" => businessName,
                _ => m.Value,
            };
        }).Trim();
        return TemplateHasOptOut(template) ? text : $"{text} {OptOutLine}";
    }

    /// <summary>
    /// Whether the template itself tells people how to opt out. Decided on the template, never on a merged
    /// text: a contact named "Send Stop" must not stand in for the instruction. A person's merge field (and
    /// its fallback, which a name replaces) is read as a neutral mark that can neither make nor break one.
    /// </summary>
    public bool TemplateHasOptOut(string template) => HasOptOut(MergeField().Replace(template, m =>
        m.Groups["field"].Value.ToLowerInvariant() switch
        {
            "firstname" or "name" => PersonMark,
            "businessname" => businessName,
            _ => m.Value,
        }));

    /// <summary>Neither a word character nor a space: "Reply {FirstName} STOP" is no instruction, "{Name}, reply STOP" still is.</summary>
    private const string PersonMark = "\u2026";

    public static bool HasOptOut(string text) => OptOutInstruction().IsMatch(text);

    /// <summary>Public link shorteners carriers filter (CTIA; US carriers' 10DLC guidance): links must use the business's own domain.</summary>
    public static readonly IReadOnlySet<string> PublicShorteners = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "bit.ly", "bitly.com", "tinyurl.com", "goo.gl", "t.co", "ow.ly", "is.gd", "buff.ly", "rebrand.ly", "cutt.ly", "shorturl.at", "tiny.cc",
        "rb.gy", "t.ly", "s.id", "v.gd", "shorte.st", "bl.ink", "short.io", "lnkd.in", "tr.im", "x.co",
    };

    /// <summary>The hosts of links in the message that are public shorteners (empty when there are none).</summary>
    public static IReadOnlyList<string> ShortenedLinks(string message) =>
        [.. LinkHost().Matches(message).Select(m => m.Groups["host"].Value.TrimEnd('.')).Where(PublicShorteners.Contains).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string? FirstName(string? name)
    {
        var first = name?.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        // A contact named after their number ("(212) 555-0147") has no first name.
        return first is null || first.Any(char.IsDigit) || first.StartsWith('(') ? null : first;
    }

    /// <param name="sentToNumber">Marketing texts already sent to this number (any campaign), newest or oldest first.</param>
    /// <param name="duplicate">The number already appears earlier in this audience.</param>
    // Per-instance memo tables: a planner makes one CampaignRules per plan, and an audience repeats
    // first names and zone sets, so 50,000 recipients render and resolve zones only a few hundred times.
    // Memo caches shared by every decision of a plan: concurrent-safe (a plain Dictionary written from
    // parallel callers, as the property test does, corrupts itself).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Template, string? First, string? Name), (string Text, SegmentCount Segments)> _rendered = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<TimeZoneInfo>> _zones = new(StringComparer.Ordinal);

    private (string Text, SegmentCount Segments) RenderCounted(string template, string? name)
    {
        // The key is made of what Render uses: the cleaned name (two raw names can share a first word and not a cleaned one).
        name = PersonNames.Clean(name);
        // Stryker disable once Conditional,String : memo key only; keying every template by the full name caches less, the text is the same
        var key = (template, FirstName(name), template.Contains("{Name", StringComparison.OrdinalIgnoreCase) ? name : null);
        if (!_rendered.TryGetValue(key, out var value))
        {
            var text = Render(template, name);
            _rendered[key] = value = (text, SmsSegments.Count(text));
        }
        return value;
    }

    private IReadOnlyList<TimeZoneInfo> ZonesFor(string ids)
    {
        if (!_zones.TryGetValue(ids, out var zones))
        {
            _zones[ids] = zones = QuietHours.Zones(ids.Split(','), businessTimeZone);
        }
        return zones;
    }

    /// <param name="r">Phone, state and zones as the contacts feature stores them (E.164, validated on the way in), and the states of their upcoming parties.</param>
    public RecipientDecision Decide(CampaignRecipient r, string template, DateTime atUtc, IReadOnlyCollection<DateTime> sentToNumber, bool duplicate, Phones phones)
    {
        var (text, segments) = RenderCounted(template, r.Name);
        var phone = r.Phone;
        var zoneIds = r.TimeZones;
        var valid = phone is not null && !r.NumberInvalid;
        string? numberState = null;
        if (valid && (string.IsNullOrEmpty(zoneIds) || !phone!.StartsWith('+')))
        {
            // Not stored in normal form: parse (also decides validity and the number's zones and state).
            var parsed = phones.Parse(phone);
            valid = parsed is not null;
            phone = parsed?.E164 ?? phone;
            zoneIds = parsed is null ? null : string.Join(',', parsed.TimeZones);
            numberState = parsed?.State;
        }
        else if (valid)
        {
            numberState = NumberState(phone!, phones);
        }
        string? skip = duplicate ? HoldReasons.Duplicate
            : !valid ? HoldReasons.InvalidNumber
            : r.Consent == SmsConsent.OptedOut ? HoldReasons.OptedOut
            : r.Consent == SmsConsent.PendingConfirmation ? HoldReasons.PendingConfirmation
            : r.Consent != SmsConsent.OptedIn ? HoldReasons.NoConsent
            : null;
        if (skip is not null)
        {
            return new RecipientDecision(r.ContactId, phone, false, skip, null, text, segments);
        }
        var states = StatesKey(r.State, numberState, r.PartyStates);
        // A valid number always has its zone list here (stored, or from parsing it just above).
        // Stryker disable once Conditional : the memo and the direct call compute the same window; the memo only saves time
        var window = sentToNumber.Count == 0
            // No texts to this number lately: the answer depends only on the instant, the states and the zones,
            // which an audience shares by the thousand, so it is worked out once per combination.
            ? _windows.GetOrAdd((atUtc, states, zoneIds!), k => Window(k.At, k.States, ZonesFor(k.Zones), []))
            : Window(atUtc, states, ZonesFor(zoneIds!), sentToNumber);
        return window.Earliest <= atUtc
            ? new RecipientDecision(r.ContactId, phone, true, null, null, text, segments)
            : new RecipientDecision(r.ContactId, phone, false, window.Reason, window.Earliest, text, segments, window.Explanation?.Text, window.Explanation?.Rule);
    }

    /// <summary>Every state the person may be in, as one memo key ("FL,TX"); nowhere known is <see cref="TextingRules.Anywhere"/>.</summary>
    private static string StatesKey(string? contactState, string? numberState, IReadOnlyList<string>? partyStates)
    {
        var states = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in partyStates ?? [])
        {
            states.Add(s.ToUpperInvariant());
        }
        if (!string.IsNullOrEmpty(contactState))
        {
            states.Add(contactState.ToUpperInvariant());
        }
        if (!string.IsNullOrEmpty(numberState))
        {
            states.Add(numberState.ToUpperInvariant());
        }
        return states.Count == 0 ? TextingRules.Anywhere : string.Join(',', states);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _numberStates = new(StringComparer.Ordinal);

    /// <summary>The state of a stored (E.164) number, worked out once per area code: US area codes lie in one state.</summary>
    private string? NumberState(string e164, Phones phones)
    {
        // Stryker disable once Conditional,String : memo key only; a longer key caches less, the state is the same
        var key = e164.StartsWith("+1", StringComparison.Ordinal) && e164.Length >= 5 ? e164[..5] : e164;
        return _numberStates.GetOrAdd(key, _ => phones.Parse(e164)?.State);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(DateTime At, string States, string Zones), (DateTime Earliest, string Reason, HoldExplanation? Explanation)> _windows = new();

    /// <summary>The earliest allowed instant and, for when it is later than <paramref name="atUtc"/>, why the text waits.</summary>
    private (DateTime Earliest, string Reason, HoldExplanation? Explanation) Window(DateTime atUtc, string statesKey, IReadOnlyList<TimeZoneInfo> zones, IReadOnlyCollection<DateTime> sentToNumber)
    {
        var states = statesKey.Split(',');
        var (capUntil, capWhy) = CapUntil(atUtc, states, sentToNumber);
        var window = _texting.EarliestAllowed(capUntil, states, zones);
        var reason = _texting.IsAllowed(atUtc, states, zones) ? HoldReasons.FrequencyCap : HoldReasons.QuietHours;
        return (window.Earliest, reason, Explain(capWhy, window, atUtc, zones));
    }

    /// <summary>Why the text waits: the hours' rule, the cap, or the cap and then the hours, in the order they apply.</summary>
    private static HoldExplanation? Explain((string Rule, string Text)? capWhy, SendWindow window, DateTime atUtc, IReadOnlyList<TimeZoneInfo> zones)
    {
        var hours = window.Explanation;
        if (capWhy is not { } cap)
        {
            return hours;
        }
        if (hours is null)
        {
            return new HoldExplanation(cap.Rule, $"Held until {When(window.Earliest, atUtc, zones[0])} — {cap.Text}");
        }
        var dash = hours.Text.IndexOf(" — ", StringComparison.Ordinal);
        return dash < 0 ? hours : new HoldExplanation(cap.Rule, $"{hours.Text[..dash]} — {cap.Text}; then {hours.Text[(dash + 3)..]}");
    }

    private static string When(DateTime utc, DateTime fromUtc, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        var from = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc), zone);
        var day = (local.Date - from.Date).TotalDays is >= 0 and < 7
            ? local.ToString("dddd", System.Globalization.CultureInfo.InvariantCulture)
            : local.ToString("dddd, MMM d", System.Globalization.CultureInfo.InvariantCulture);
        return $"{day} {local:HH:mm} {TextingRules.ZoneLabel(zone, utc)}";
    }

    /// <summary>When the frequency caps let the next text go, and which cap holds it (null: none does).</summary>
    /// <remarks>
    /// One pass, no fixed-point loop: the caps only say "not before" (the gap after the latest text; the
    /// moment the cap-th most recent text leaves the rolling 24 hours), and once an instant satisfies them
    /// every later one does too, so moving on to the next texting-hours window can never break them again.
    /// </remarks>
    private (DateTime Until, (string Rule, string Text)? Why) CapUntil(DateTime notBeforeUtc, IReadOnlyCollection<string> states, IReadOnlyCollection<DateTime> sentToNumber)
    {
        var next = notBeforeUtc;
        (string, string)? why = null;
        if (sentToNumber.Count > 0)
        {
            // The gap counts from the latest text, whatever order the history comes in.
            var gapEnd = sentToNumber.Max().AddHours(frequencyCapHours);
            if (gapEnd > next)
            {
                next = Later(next, gapEnd);
                why = ("frequencyCap", $"one marketing text to a number every {frequencyCapHours} hours at most (Sms:FrequencyCapHours)");
            }
            var capped = states.Where(s => DailyCap(s) is not null).Order(StringComparer.Ordinal).FirstOrDefault();
            if (capped is not null)
            {
                var cap = DailyCap(capped)!.Value;
                // The rolling day before `next`: a text sent exactly 24 hours earlier has left it.
                var inDay = sentToNumber.Where(s => s > next.AddHours(-24)).OrderByDescending(s => s).ToList();
                if (inDay.Count >= cap)
                {
                    // The cap-th most recent one must leave the 24-hour window first.
                    next = inDay[cap - 1].AddHours(24);
                    why = ($"dailyCap:{capped}", DailyCapCitations[capped]);
                }
            }
        }
        return (next, why);
    }

    private static DateTime Later(DateTime a, DateTime b) => new(Math.Max(a.Ticks, b.Ticks), DateTimeKind.Utc);

    [GeneratedRegex(@"(?:(?<=\s)|^|(?<=https?://))(?:www\.)?(?<host>(?:[a-z0-9-]+\.)+[a-z]{2,})(?=[/:?#\s.,;!)]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkHost();

    [GeneratedRegex(@"\{(?<field>[A-Za-z]+)(\|(?<fallback>[^}]*))?\}")]
    private static partial Regex MergeField();

    [GeneratedRegex(@"\b(reply|text|txt|send)\s+stop\b|\bstop\s+to\s+(opt[\s-]?out|unsubscribe|end|quit|cancel)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OptOutInstruction();
}
