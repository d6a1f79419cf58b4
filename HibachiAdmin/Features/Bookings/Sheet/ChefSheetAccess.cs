namespace HibachiAdmin.Features.Bookings.Sheet;

/// <summary>A chef's link that opens: the sheet, and which chef it is for.</summary>
public sealed record ChefSheetAccess(EventSheet Sheet, Guid ChefId, string ChefName);
