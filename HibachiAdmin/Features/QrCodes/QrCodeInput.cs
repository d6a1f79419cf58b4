namespace HibachiAdmin.Features.QrCodes;

/// <summary>Everything a code is made or edited with (page and API).</summary>
public sealed record QrCodeInput
{
    public string Name { get; init; } = "";
    public QrCodeType Type { get; init; } = QrCodeType.Table;
    public string? DestinationUrl { get; init; }
    public bool UsesInquiryForm { get; init; }
    public string? Venue { get; init; }
    public int? TableNumber { get; init; }
    public DateOnly? EventDate { get; init; }
    public Guid? CampaignId { get; init; }
    public string? Campaign { get; init; }
    /// <summary>Null: filled from type, campaign and placement (<see cref="QrLinks.DefaultUtm"/>).</summary>
    public string? UtmSource { get; init; }
    public string? UtmMedium { get; init; }
    public string? UtmCampaign { get; init; }
    public string? UtmContent { get; init; }
    public bool IsActive { get; init; } = true;
    public DateTime? ValidFrom { get; init; }
    public DateTime? ValidUntil { get; init; }
    public string ForegroundColor { get; init; } = "#000000";
    public string BackgroundColor { get; init; } = "#FFFFFF";
    public bool WithLogo { get; init; }
    public QrErrorCorrection ErrorCorrection { get; init; } = QrErrorCorrection.M;

    public static QrCodeInput From(QrCode c) => new()
    {
        Name = c.Name, Type = c.Type, DestinationUrl = c.DestinationUrl, UsesInquiryForm = c.UsesInquiryForm, Venue = c.Venue, TableNumber = c.TableNumber,
        EventDate = c.EventDate, CampaignId = c.CampaignId, Campaign = c.Campaign, UtmSource = c.UtmSource, UtmMedium = c.UtmMedium,
        UtmCampaign = c.UtmCampaign, UtmContent = c.UtmContent, IsActive = c.IsActive, ValidFrom = c.ValidFrom, ValidUntil = c.ValidUntil,
        ForegroundColor = c.ForegroundColor, BackgroundColor = c.BackgroundColor, WithLogo = c.WithLogo, ErrorCorrection = c.ErrorCorrection,
    };
}
