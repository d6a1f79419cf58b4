namespace HibachiAdmin.Features.Payments;

/// <summary>An add-on of the catalogue and how many (per guest: 1 = for every guest).</summary>
public sealed record AddOnChoice(Guid AddOnId, int Quantity);
