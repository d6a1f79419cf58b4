namespace HibachiAdmin.Features.Payments;

/// <summary>Which travel zone a party's ZIP falls in: the longest matching ZIP or ZIP prefix of all zones wins.</summary>
public static class TravelZones
{
    public static IEnumerable<string> Entries(string zips) =>
        zips.Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static TravelZone? Match(IEnumerable<TravelZone> zones, string? zip)
    {
        var five = new string((zip ?? "").Trim().TakeWhile(char.IsAsciiDigit).ToArray());
        if (five.Length < 3)
        {
            return null;
        }
        TravelZone? best = null;
        var bestLength = 0;
        foreach (var zone in zones)
        {
            foreach (var entry in Entries(zone.Zips))
            {
                if (entry.Length > bestLength && five.StartsWith(entry, StringComparison.Ordinal))
                {
                    (best, bestLength) = (zone, entry.Length);
                }
            }
        }
        return best;
    }
}
