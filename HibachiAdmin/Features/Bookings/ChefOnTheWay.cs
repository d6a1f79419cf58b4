namespace HibachiAdmin.Features.Bookings;

/// <summary>A chef said, from their sheet, that they are on the way (the time is the event's own).</summary>
public sealed record ChefOnTheWay(Guid ChefId, string ChefName);
