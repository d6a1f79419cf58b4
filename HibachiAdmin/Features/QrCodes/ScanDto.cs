namespace HibachiAdmin.Features.QrCodes;

/// <summary>A scan as the API and CSV export show it.</summary>
public sealed record ScanDto(Guid Id, Guid QrCodeId, DateTime At, ScanChannel Channel, DeviceType Device, string Os, string Browser, bool IsBot, bool IsNewVisitor,
    string? Country, string? Region, string? City, double? Latitude, double? Longitude, string? Referer, string? AnonymizedIp);
