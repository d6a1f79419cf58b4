namespace HibachiAdmin.Features.QrCodes;

/// <summary>A code as the API returns it.</summary>
public sealed record QrCodeDto(
    Guid Id,
    string Slug,
    string Name,
    QrCodeType Type,
    string? DestinationUrl,
    bool UsesInquiryForm,
    QrPlacement Placement,
    Guid? CampaignId,
    string? Campaign,
    QrUtm Utm,
    bool IsActive,
    DateTime? ValidFrom,
    DateTime? ValidUntil,
    string ForegroundColor,
    string BackgroundColor,
    bool WithLogo,
    QrErrorCorrection ErrorCorrection,
    string ScanUrl,
    string ShareUrl,
    /// <summary>Null only for a stored destination that cannot be sent (scans then get a "not active" page).</summary>
    string? RedirectsTo,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static QrCodeDto From(QrCode c, string baseUrl) => new(
        c.Id, c.Slug, c.Name, c.Type, c.DestinationUrl, c.UsesInquiryForm, new QrPlacement(c.Venue, c.TableNumber, c.EventDate), c.CampaignId, c.Campaign,
        new QrUtm(c.UtmSource, c.UtmMedium, c.UtmCampaign, c.UtmContent), c.IsActive, c.ValidFrom, c.ValidUntil, c.ForegroundColor, c.BackgroundColor,
        c.WithLogo, c.ErrorCorrection, QrLinks.ScanUrl(baseUrl, c.Slug), QrLinks.ShareUrl(baseUrl, c.Slug), QrLinks.Destination(QrCodeService.TargetOf(c)),
        c.CreatedAt, c.UpdatedAt);
}
