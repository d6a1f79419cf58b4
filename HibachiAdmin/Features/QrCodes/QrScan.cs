namespace HibachiAdmin.Features.QrCodes;

/// <summary>One counted scan. Never the raw address: <see cref="AnonymizedIp"/> keeps the network part only.</summary>
public sealed class QrScan
{
    public const int MaxUserAgent = 512;
    public const int MaxReferer = 512;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid QrCodeId { get; set; }
    public DateTime At { get; set; }
    public ScanChannel Channel { get; set; }
    public string? AnonymizedIp { get; set; }
    public Guid VisitorId { get; set; }
    /// <summary>The first scan of this code by this visitor cookie.</summary>
    public bool IsNewVisitor { get; set; }
    public string? UserAgent { get; set; }
    public DeviceType Device { get; set; }
    public string Os { get; set; } = "";
    public string Browser { get; set; } = "";
    public bool IsBot { get; set; }
    public string? Referer { get; set; }
    public string? Country { get; set; }
    public string? Region { get; set; }
    public string? City { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
}
