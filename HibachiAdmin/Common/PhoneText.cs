using System.Text.RegularExpressions;
using PhoneNumbers;

namespace HibachiAdmin.Common;

/// <summary>
/// Phones as people write them: (212) 555-0147 for US numbers, +44 20 7946 0958 elsewhere. Used for everything a
/// person reads, above all customer-facing text (review replies, suggestions) where "+12125550147" looks like a machine.
/// </summary>
public static partial class PhoneText
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Human format for display; the input itself when it is not a number.</summary>
    public static string Display(string? e164)
    {
        if (string.IsNullOrEmpty(e164))
        {
            return "";
        }
        try
        {
            var n = Util.Parse(e164, "US");
            return Util.Format(n, n.CountryCode == 1 ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    /// <summary>Rewrites every E.164 number in a text (+ and 8–15 digits) as people write it; other text is untouched.</summary>
    public static string Humanize(string text) =>
        string.IsNullOrEmpty(text) ? text : E164().Replace(text, m => IsValid(m.Value) ? Display(m.Value) : m.Value);

    private static bool IsValid(string e164)
    {
        try
        {
            return Util.IsValidNumber(Util.Parse(e164, "US"));
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"(?<![\w+])\+[1-9]\d{7,14}\b")]
    private static partial Regex E164();
}
