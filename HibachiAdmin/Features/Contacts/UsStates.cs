using System.Collections.Frozen;
using PhoneNumbers;

namespace HibachiAdmin.Features.Contacts;

/// <summary>
/// US states for the stricter state texting rules (e.g. Fla. Stat. 501.059, Okla. Stat. tit. 15 §775C, Md. Com. Law §14-4501, Tex. Bus. & Com. Code ch. 304). A number's state comes from
/// libphonenumber's offline geocoder ("New York, NY", "Oklahoma", "Washington D.C."); an explicit
/// state on the contact always wins (ported numbers may live elsewhere).
/// </summary>
public static class UsStates
{
    private static readonly FrozenDictionary<string, string> ByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Alabama"] = "AL", ["Alaska"] = "AK", ["Arizona"] = "AZ", ["Arkansas"] = "AR", ["California"] = "CA", ["Colorado"] = "CO",
        ["Connecticut"] = "CT", ["Delaware"] = "DE", ["Washington D.C."] = "DC", ["District of Columbia"] = "DC", ["Florida"] = "FL",
        ["Georgia"] = "GA", ["Hawaii"] = "HI", ["Idaho"] = "ID", ["Illinois"] = "IL", ["Indiana"] = "IN", ["Iowa"] = "IA",
        ["Kansas"] = "KS", ["Kentucky"] = "KY", ["Louisiana"] = "LA", ["Maine"] = "ME", ["Maryland"] = "MD", ["Massachusetts"] = "MA",
        ["Michigan"] = "MI", ["Minnesota"] = "MN", ["Mississippi"] = "MS", ["Missouri"] = "MO", ["Montana"] = "MT", ["Nebraska"] = "NE",
        ["Nevada"] = "NV", ["New Hampshire"] = "NH", ["New Jersey"] = "NJ", ["New Mexico"] = "NM", ["New York"] = "NY",
        ["North Carolina"] = "NC", ["North Dakota"] = "ND", ["Ohio"] = "OH", ["Oklahoma"] = "OK", ["Oregon"] = "OR",
        ["Pennsylvania"] = "PA", ["Rhode Island"] = "RI", ["South Carolina"] = "SC", ["South Dakota"] = "SD", ["Tennessee"] = "TN",
        ["Texas"] = "TX", ["Utah"] = "UT", ["Vermont"] = "VT", ["Virginia"] = "VA", ["Washington"] = "WA", ["Washington State"] = "WA", ["West Virginia"] = "WV",
        ["Wisconsin"] = "WI", ["Wyoming"] = "WY",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> Codes = ByName.Values.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly PhoneNumberOfflineGeocoder Geocoder = PhoneNumberOfflineGeocoder.GetInstance();

    public static bool IsUsState(string? code) => code is { Length: 2 } && Codes.Contains(code);

    /// <summary>The state of a parsed US number, or null (non-US, toll-free, unknown).</summary>
    public static string? For(PhoneNumber number)
    {
        if (number.CountryCode != 1)
        {
            return null;
        }
        var description = Geocoder.GetDescriptionForNumber(number, Locale.English);
        if (string.IsNullOrEmpty(description))
        {
            return null;
        }
        if (ByName.TryGetValue(description, out var byName))
        {
            return byName;
        }
        // "City, ST"
        var comma = description.LastIndexOf(", ", StringComparison.Ordinal);
        var code = comma >= 0 ? description[(comma + 2)..] : null;
        return IsUsState(code) ? code!.ToUpperInvariant() : null;
    }
}
