using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>A printed QR code: where it hangs (placement), where it sends people, how it looks.</summary>
public sealed class QrCode
{
    public const int MaxName = 120;
    public const int MaxUrl = 2000;
    public const int MaxVenue = 120;
    public const int MaxUtm = 100;
    public const int MaxCampaign = 100;
    public const int MaxColor = 7;
    public const int MaxTableNumber = 999;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public QrCodeType Type { get; set; }
    /// <summary>An absolute http(s) URL; null when the code opens the built-in inquiry form.</summary>
    public string? DestinationUrl { get; set; }
    public bool UsesInquiryForm { get; set; }
    public string? Venue { get; set; }
    public int? TableNumber { get; set; }
    public DateOnly? EventDate { get; set; }
    /// <summary>The SMS campaign this code belongs to (id of the Campaigns feature, kept loose).</summary>
    public Guid? CampaignId { get; set; }
    public string? Campaign { get; set; }
    public string UtmSource { get; set; } = "";
    public string UtmMedium { get; set; } = "";
    public string? UtmCampaign { get; set; }
    public string? UtmContent { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime? ValidFrom { get; set; }
    public DateTime? ValidUntil { get; set; }
    public string ForegroundColor { get; set; } = "#000000";
    public string BackgroundColor { get; set; } = "#FFFFFF";
    public bool WithLogo { get; set; }
    public QrErrorCorrection ErrorCorrection { get; set; } = QrErrorCorrection.M;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
