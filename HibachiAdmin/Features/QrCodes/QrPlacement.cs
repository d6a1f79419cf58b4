namespace HibachiAdmin.Features.QrCodes;

public sealed record QrPlacement(string? Venue, int? TableNumber, DateOnly? EventDate);
