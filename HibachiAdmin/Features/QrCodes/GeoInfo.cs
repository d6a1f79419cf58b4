namespace HibachiAdmin.Features.QrCodes;

/// <summary>Where a scan came from: country (ISO 3166-1 alpha-2), region, city, coordinates.</summary>
public sealed record GeoInfo(string? Country, string? Region, string? City, double? Latitude, double? Longitude)
{
    public static readonly GeoInfo None = new(null, null, null, null, null);
}
