namespace HibachiAdmin.Features.QrCodes;

/// <summary>
/// Counts per code, day (UTC) and dimension value, kept up to date by the scan writer in the same
/// transaction as the scans, so analytics read a few rows per day instead of every scan.
/// Dimensions: total, device, os, browser, country, city, channel.
/// </summary>
public sealed class QrScanDaily
{
    public Guid QrCodeId { get; set; }
    public DateOnly Day { get; set; }
    public string Dimension { get; set; } = "";
    public string Value { get; set; } = "";
    public bool IsBot { get; set; }
    public long Scans { get; set; }
    public long NewVisitors { get; set; }
}
