using System.Globalization;
using System.Net;
using MaxMind.GeoIP2;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>
/// Geo of a scan: from the GeoLite2-City database at <c>Geo:MaxMindDbPath</c> when set (looked up by the
/// scan writer, off the request path), else from the headers a trusted proxy adds — names configured in
/// <c>Geo:CountryHeader</c>, <c>Geo:RegionHeader</c>, <c>Geo:CityHeader</c>, <c>Geo:LatitudeHeader</c>,
/// <c>Geo:LongitudeHeader</c> (e.g. Cloudflare's CF-IPCountry). Unset names are not read: a client could send them.
/// </summary>
public sealed class QrGeo : IDisposable
{
    private readonly DatabaseReader? _reader;
    private readonly string? _country, _region, _city, _latitude, _longitude;

    public QrGeo(IConfiguration configuration, ILogger<QrGeo> logger)
    {
        var path = configuration["Geo:MaxMindDbPath"];
        if (!string.IsNullOrWhiteSpace(path))
        {
            try
            {
                _reader = new DatabaseReader(path, MaxMind.Db.FileAccessMode.Memory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or MaxMind.Db.InvalidDatabaseException)
            {
                logger.LogError(ex, "Geo:MaxMindDbPath {Path} could not be opened; scans get geo from proxy headers only", path);
            }
        }
        _country = Name(configuration["Geo:CountryHeader"]);
        _region = Name(configuration["Geo:RegionHeader"]);
        _city = Name(configuration["Geo:CityHeader"]);
        _latitude = Name(configuration["Geo:LatitudeHeader"]);
        _longitude = Name(configuration["Geo:LongitudeHeader"]);
    }

    public bool UsesDatabase => _reader is not null;

    private static string? Name(string? header) => string.IsNullOrWhiteSpace(header) ? null : header.Trim();

    /// <summary>The proxy's headers of this request (null when none is configured or sent).</summary>
    public GeoInfo? FromHeaders(IHeaderDictionary headers)
    {
        if (_reader is not null || _country is null && _region is null && _city is null)
        {
            return null;
        }
        var country = Header(headers, _country, 2)?.ToUpperInvariant();
        if (country is "XX" or "T1")
        {
            country = null; // Cloudflare: unknown, Tor
        }
        return new GeoInfo(country is { Length: 2 } && country.All(char.IsAsciiLetter) ? country : null, Header(headers, _region, 100), Header(headers, _city, 100),
            Coordinate(Header(headers, _latitude, 20), 90), Coordinate(Header(headers, _longitude, 20), 180));
    }

    private static string? Header(IHeaderDictionary headers, string? name, int max)
    {
        if (name is null || headers[name].ToString() is not { Length: > 0 } value)
        {
            return null;
        }
        value = value.Trim();
        return value.Length == 0 || value.Length > max ? null : value;
    }

    private static double? Coordinate(string? text, double bound) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && Math.Abs(v) <= bound ? v : null;

    /// <summary>Database lookup of the raw address (which is never stored).</summary>
    public GeoInfo Lookup(IPAddress? address)
    {
        if (_reader is null || address is null)
        {
            return GeoInfo.None;
        }
        try
        {
            if (_reader.TryCity(address, out var city) && city is not null)
            {
                return new GeoInfo(city.Country.IsoCode, city.MostSpecificSubdivision.Name, city.City.Name, city.Location.Latitude, city.Location.Longitude);
            }
        }
        catch (Exception ex) when (ex is MaxMind.Db.InvalidDatabaseException or ArgumentException)
        {
            return GeoInfo.None;
        }
        return GeoInfo.None;
    }

    public void Dispose() => _reader?.Dispose();
}
