namespace HibachiAdmin.Features.QrCodes;

/// <summary>One code's funnel: scans → leads → bookings → revenue (confirmed and completed bookings).</summary>
public sealed record PlacementRow(Guid QrCodeId, string Name, string Slug, QrCodeType Type, string Placement, long Scans, long UniqueVisitors, int Leads, int Bookings, decimal Revenue);
