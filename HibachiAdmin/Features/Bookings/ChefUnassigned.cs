namespace HibachiAdmin.Features.Bookings;

/// <summary>A chef was taken off the party.</summary>
public sealed record ChefUnassigned(Guid ChefId, string ChefName);
