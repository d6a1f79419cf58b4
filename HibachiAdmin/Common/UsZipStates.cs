using System.Text.RegularExpressions;

namespace HibachiAdmin.Common;

/// <summary>
/// The US state of a ZIP code (by its first three digits, USPS sectional centers; military and territory prefixes
/// have none) and of an address written the US way ("…, Austin, TX 78701"). Used to know where a party is: a ZIP
/// that crosses a state line (a handful do) is read as the state of its prefix.
/// </summary>
public static partial class UsZipStates
{
    /// <summary>(first prefix, last prefix, state), in order.</summary>
    private static readonly (int From, int To, string State)[] Ranges =
    [
        (5, 5, "NY"), (10, 27, "MA"), (28, 29, "RI"), (30, 38, "NH"), (39, 49, "ME"), (50, 54, "VT"), (55, 55, "MA"), (56, 59, "VT"),
        (60, 69, "CT"), (70, 89, "NJ"), (100, 149, "NY"), (150, 196, "PA"), (197, 199, "DE"), (200, 200, "DC"), (201, 201, "VA"),
        (202, 205, "DC"), (206, 219, "MD"), (220, 246, "VA"), (247, 268, "WV"), (270, 289, "NC"), (290, 299, "SC"), (300, 319, "GA"),
        (320, 339, "FL"), (341, 349, "FL"), (350, 369, "AL"), (370, 385, "TN"), (386, 397, "MS"), (398, 399, "GA"), (400, 427, "KY"),
        (430, 459, "OH"), (460, 479, "IN"), (480, 499, "MI"), (500, 528, "IA"), (530, 549, "WI"), (550, 567, "MN"), (569, 569, "DC"),
        (570, 577, "SD"), (580, 588, "ND"), (590, 599, "MT"), (600, 629, "IL"), (630, 658, "MO"), (660, 679, "KS"), (680, 693, "NE"),
        (700, 715, "LA"), (716, 729, "AR"), (730, 732, "OK"), (733, 733, "TX"), (734, 749, "OK"), (750, 799, "TX"), (800, 816, "CO"),
        (820, 831, "WY"), (832, 838, "ID"), (840, 847, "UT"), (850, 865, "AZ"), (870, 884, "NM"), (885, 885, "TX"), (889, 898, "NV"),
        (900, 961, "CA"), (967, 968, "HI"), (970, 979, "OR"), (980, 994, "WA"), (995, 999, "AK"),
    ];

    private static readonly HashSet<string> Codes = new(Ranges.Select(r => r.State), StringComparer.OrdinalIgnoreCase);

    /// <summary>The state of a 5-digit (or ZIP+4) code; null when it is not one or has no state.</summary>
    public static string? OfZip(string? zip)
    {
        var m = zip is null ? null : Zip().Match(zip.Trim());
        if (m is not { Success: true } || m.Index != 0)
        {
            return null;
        }
        var prefix = int.Parse(m.Groups["zip"].Value.AsSpan(0, 3), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (from, to, state) in Ranges)
        {
            if (prefix >= from && prefix <= to)
            {
                return state;
            }
        }
        return null;
    }

    /// <summary>Every state a party's address and ZIP point to (the state written before the ZIP, the ZIP's, the field's), distinct.</summary>
    public static IReadOnlyList<string> Of(string? address, string? zip)
    {
        var states = new List<string>();
        void Add(string? s)
        {
            if (s is not null && Codes.Contains(s) && !states.Contains(s.ToUpperInvariant()))
            {
                states.Add(s.ToUpperInvariant());
            }
        }
        Add(OfZip(zip));
        if (!string.IsNullOrWhiteSpace(address) && StateAndZip().Matches(address) is { Count: > 0 } found)
        {
            var last = found[^1];
            Add(last.Groups["state"].Value);
            Add(OfZip(last.Groups["zip"].Value));
        }
        return states;
    }

    [GeneratedRegex(@"(?<zip>\d{5})(?:-\d{4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Zip();

    [GeneratedRegex(@"(?:^|[\s,])(?<state>[A-Za-z]{2})\.?\s+(?<zip>\d{5})(?:-\d{4})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex StateAndZip();
}
