using System.Globalization;
using System.Text.RegularExpressions;

namespace HibachiAdmin.Infrastructure.Providers.Ai;

/// <summary>
/// Deterministic, offline intent rules (the default AI): regular expressions for dates (absolute and
/// relative to the message's local date), guest counts, ZIP, occasion and budget, and keyword scoring
/// for the kind. The OpenAI-compatible client replaces this by configuration.
/// </summary>
public static partial class OfflineIntentRules
{
    private static readonly string[] Occasions = ["birthday", "wedding", "anniversary", "graduation", "bachelorette", "bachelor", "retirement", "baby shower", "bridal shower", "holiday", "christmas", "corporate", "company", "quinceañera", "quinceanera", "engagement", "reunion"];

    public static MessageIntent Classify(string text, DateOnly today)
    {
        var lower = text.ToLowerInvariant();
        var date = FindDate(lower, today);
        var guests = FindGuests(lower);
        var zip = Zip().Match(text) is { Success: true } z ? z.Groups[1].Value : null;
        var occasion = Occasions.FirstOrDefault(o => lower.Contains(o, StringComparison.Ordinal));
        var budget = Budget().Match(lower) is { Success: true } b && decimal.TryParse(b.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : (decimal?)null;
        var city = City().Match(text) is { Success: true } c ? c.Groups[1].Value.Trim() : null;

        if (Complaint().IsMatch(lower))
        {
            return new MessageIntent(IntentKind.Complaint, 0.8, date, guests, zip, city, occasion, budget);
        }
        var bookingWords = Booking().IsMatch(lower);
        var details = (date is not null ? 1 : 0) + (guests is not null ? 1 : 0) + (occasion is not null ? 1 : 0) + (zip is not null ? 1 : 0);
        if ((bookingWords && details >= 1) || details >= 2)
        {
            return new MessageIntent(IntentKind.BookingInquiry, Math.Min(0.95, 0.55 + 0.1 * details + (bookingWords ? 0.1 : 0)), date, guests, zip, city, occasion, budget);
        }
        if (Pricing().IsMatch(lower))
        {
            return new MessageIntent(IntentKind.PricingQuestion, 0.75, date, guests, zip, city, occasion, budget);
        }
        if (Availability().IsMatch(lower))
        {
            return new MessageIntent(IntentKind.Availability, 0.7, date, guests, zip, city, occasion, budget);
        }
        if (bookingWords)
        {
            return new MessageIntent(IntentKind.BookingInquiry, 0.55, date, guests, zip, city, occasion, budget);
        }
        return new MessageIntent(IntentKind.Other, 0.5, date, guests, zip, city, occasion, budget);
    }

    internal static int? FindGuests(string lower)
    {
        var m = Guests().Match(lower);
        if (!m.Success)
        {
            return null;
        }
        var digits = m.Groups["n1"].Success ? m.Groups["n1"].Value : m.Groups["n2"].Value;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 1000 ? n : null;
    }

    internal static DateOnly? FindDate(string lower, DateOnly today)
    {
        if (Relative().Match(lower) is { Success: true } rel)
        {
            if (rel.Groups["word"].Value == "tomorrow")
            {
                return today.AddDays(1);
            }
            if (rel.Groups["word"].Value == "today" || rel.Groups["word"].Value == "tonight")
            {
                return today;
            }
            var day = Enum.Parse<DayOfWeek>(rel.Groups["day"].Value, ignoreCase: true);
            // The coming occurrence (today counts for "this"/bare day names).
            var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
            if (rel.Groups["which"].Value == "next")
            {
                // US usage: "next Saturday" is the Saturday of next week (weeks start on Sunday).
                ahead = ahead == 0 ? 7 : ahead;
                if (ahead <= (int)DayOfWeek.Saturday - (int)today.DayOfWeek)
                {
                    ahead += 7;
                }
            }
            return today.AddDays(ahead);
        }
        if (Numeric().Match(lower) is { Success: true } num)
        {
            var month = int.Parse(num.Groups["m"].Value, CultureInfo.InvariantCulture);
            var dayOfMonth = int.Parse(num.Groups["d"].Value, CultureInfo.InvariantCulture);
            int? year = num.Groups["y"].Success ? int.Parse(num.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
            return Resolve(month, dayOfMonth, year is < 100 ? 2000 + year : year, today);
        }
        if (Named().Match(lower) is { Success: true } named)
        {
            var month = DateTime.ParseExact(named.Groups["mon"].Value[..3], "MMM", CultureInfo.InvariantCulture).Month;
            var dayOfMonth = int.Parse(named.Groups["d"].Value, CultureInfo.InvariantCulture);
            int? year = named.Groups["y"].Success ? int.Parse(named.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
            return Resolve(month, dayOfMonth, year, today);
        }
        return null;
    }

    /// <summary>A date without a year is the next such date on or after today.</summary>
    private static DateOnly? Resolve(int month, int day, int? year, DateOnly today)
    {
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year ?? today.Year, month))
        {
            return null;
        }
        var date = new DateOnly(year ?? today.Year, month, day);
        return year is null && date < today ? date.AddYears(1) : date;
    }

    [GeneratedRegex(@"\b(?:(?<which>next|this|coming)\s+)?(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(?<word>tomorrow|today|tonight)\b")]
    private static partial Regex Relative();

    [GeneratedRegex(@"\b(?<m>1[0-2]|0?[1-9])/(?<d>3[01]|[12]\d|0?[1-9])(?:/(?<y>\d{4}|\d{2}))?\b")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"\b(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?:,?\s+(?<y>\d{4}))?\b")]
    private static partial Regex Named();

    [GeneratedRegex(@"\b(?:party|group|table)\s+of\s+(?<n1>\d{1,4})\b|\b(?<n2>\d{1,4})\s*(?:people|persons|guests|adults|pax|ppl|folks|kids)\b")]
    private static partial Regex Guests();

    [GeneratedRegex(@"\b(\d{5})(?:-\d{4})?\b")]
    private static partial Regex Zip();

    [GeneratedRegex(@"(?:budget(?:\s+is|\s+of)?\s*(?:around|about|is)?\s*\$?|\$)\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{2})?")]
    private static partial Regex Budget();

    [GeneratedRegex(@"\bin\s+([A-Z][a-zA-Z]+(?:\s+[A-Z][a-zA-Z]+)?)\b")]
    private static partial Regex City();

    [GeneratedRegex(@"\b(book|booking|reserve|hibachi|chef|party|event|cater|catering|quote|interested|come to|at my|backyard|celebrat)")]
    private static partial Regex Booking();

    [GeneratedRegex(@"\b(how much|price|pricing|cost|rates?|per person|per head|packages?|menu)\b")]
    private static partial Regex Pricing();

    [GeneratedRegex(@"\b(available|availability|open on|free on|do you have)\b")]
    private static partial Regex Availability();

    [GeneratedRegex(@"\b(terrible|awful|refund|complain|complaint|disappointed|never showed|no show|rude|cold food|sick|worst)\b")]
    private static partial Regex Complaint();
}
