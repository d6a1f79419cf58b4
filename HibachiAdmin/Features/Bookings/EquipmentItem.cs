namespace HibachiAdmin.Features.Bookings;

/// <summary>Something the chef brings or the host provides (grills, propane tanks, tables), with how many.</summary>
public sealed record EquipmentItem(string Item, int Quantity, string? Note = null);
