namespace HibachiAdmin.Features.QrCodes;

/// <summary>What the redirect needs of a code (cached).</summary>
public sealed record QrTarget(
    Guid Id,
    string Slug,
    string? DestinationUrl,
    bool UsesInquiryForm,
    string UtmSource,
    string UtmMedium,
    string? UtmCampaign,
    string? UtmContent,
    bool IsActive,
    DateTime? ValidFrom,
    DateTime? ValidUntil)
{
    /// <summary>Live from <see cref="ValidFrom"/> (inclusive) until <see cref="ValidUntil"/> (exclusive).</summary>
    public QrAvailability AvailabilityAt(DateTime utcNow) =>
        !IsActive ? QrAvailability.Inactive
        : ValidFrom is { } from && utcNow < from ? QrAvailability.NotYetValid
        : ValidUntil is { } until && utcNow >= until ? QrAvailability.Expired
        : QrAvailability.Live;

    private string? _location;

    /// <summary>
    /// The redirect's Location (<see cref="QrLinks.Destination"/>), composed once per cached target; null when
    /// the stored destination cannot be sent (a row from before the checks), remembered as "" so that is decided once too.
    /// </summary>
    public string? Location => (_location ??= QrLinks.Destination(this) ?? "") is { Length: > 0 } location ? location : null;
}
