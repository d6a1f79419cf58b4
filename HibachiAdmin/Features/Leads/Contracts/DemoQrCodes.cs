namespace HibachiAdmin.Features.Leads.Contracts;

/// <summary>The demo's QR codes in the order they were made, with the ones the story's customers scanned.</summary>
public sealed record DemoQrCodes(IReadOnlyList<Guid> All, Guid HallTable, Guid Flyer);
