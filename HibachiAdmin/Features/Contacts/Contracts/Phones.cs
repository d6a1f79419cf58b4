using HibachiAdmin.Features.Contacts;
using PhoneNumbers;

namespace HibachiAdmin.Features.Contacts.Contracts;

/// <summary>
/// Phone parsing on libphonenumber: any common format in, E.164 out, US default region.
/// Also derives the IANA time zone(s) of the number, used for recipient-local quiet hours.
/// </summary>
public sealed class Phones
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly PhoneNumberToTimeZonesMapper ZoneMapper = PhoneNumberToTimeZonesMapper.GetInstance();

    /// <summary>Parses and validates; null when the text is not a valid, dialable number.</summary>
    public ParsedPhone? Parse(string? text, string defaultRegion = "US")
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return null;
        }
        PhoneNumber number;
        try
        {
            number = Util.Parse(text.Trim(), defaultRegion);
        }
        catch (NumberParseException)
        {
            return null;
        }
        if (!Util.IsValidNumber(number))
        {
            return null;
        }
        var zones = ZoneMapper.GetTimeZonesForNumber(number)
            .Where(z => z != ZoneMapper.GetUnknownTimeZone())
            .ToArray();
        return new ParsedPhone(Util.Format(number, PhoneNumberFormat.E164), UsStates.For(number), zones);
    }

    public string? ToE164(string? text) => Parse(text)?.E164;

    /// <summary>Human format for display, e.g. (212) 555-0147; falls back to the input.</summary>
    public static string Display(string? e164) => Common.PhoneText.Display(e164);
}
