namespace HibachiAdmin.Features.QrCodes;

/// <summary>Counts over a date range (UTC days), from the daily aggregate; unique visitors are first scans of a code by a visitor cookie.</summary>
public sealed record QrAnalytics(
    DateOnly From,
    DateOnly To,
    Guid? QrCodeId,
    bool IncludesBots,
    long Scans,
    long UniqueVisitors,
    long BotScans,
    IReadOnlyList<DayCount> ByDay,
    IReadOnlyList<NamedCount> Devices,
    IReadOnlyList<NamedCount> OperatingSystems,
    IReadOnlyList<NamedCount> Browsers,
    IReadOnlyList<NamedCount> Countries,
    IReadOnlyList<NamedCount> Cities,
    IReadOnlyList<NamedCount> Channels,
    IReadOnlyList<PlacementRow> Placements);
