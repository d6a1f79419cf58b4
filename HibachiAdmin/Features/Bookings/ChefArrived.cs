namespace HibachiAdmin.Features.Bookings;

/// <summary>A chef said, from their sheet, that they arrived at the party.</summary>
public sealed record ChefArrived(Guid ChefId, string ChefName);
