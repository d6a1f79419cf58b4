namespace HibachiAdmin.Features.Bookings;

/// <summary>A chef was put on the party (the name as it was then, for a history that reads well later).</summary>
public sealed record ChefAssigned(Guid ChefId, string ChefName);
