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

public sealed record QrPlacement(string? Venue, int? TableNumber, DateOnly? EventDate);

public sealed record QrUtm(string Source, string Medium, string? Campaign, string? Content);

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

public sealed record QrWriteResult(QrCode? Code, Dictionary<string, string[]>? Errors = null, bool NotFound = false);

/// <summary>The base URL printed into codes: <c>Qr:PublicBaseUrl</c>, else the request's own scheme and host.</summary>
public static class QrBaseUrl
{
    public static string For(IConfiguration configuration, HttpRequest request) =>
        configuration["Qr:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');

    public static string For(IConfiguration configuration, string appBaseUri) =>
        configuration["Qr:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : appBaseUri.TrimEnd('/');
}
