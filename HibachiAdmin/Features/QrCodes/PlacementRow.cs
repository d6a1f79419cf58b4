namespace HibachiAdmin.Features.QrCodes;

/// <summary>One code's funnel: scans → leads → bookings → revenue (confirmed and completed bookings' value) and the money those bookings collected (net of refunds).</summary>
public sealed record PlacementRow(Guid QrCodeId, string Name, string Slug, QrCodeType Type, string Placement, long Scans, long UniqueVisitors, int Leads, int Bookings, decimal Revenue,
    decimal Collected = 0);
