using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Bookings;

/// <summary>
/// The event sheet's details as last written (each event replaces the previous details whole): arrival and serve
/// times (local), how to get in, where the grill goes, adults and children, dietary needs, equipment and notes.
/// </summary>
public sealed record PartyDetailsSet(TimeOnly? ArrivalTime, TimeOnly? ServeTime, string? GateNotes, string? ParkingNotes, PartySetting? Setting,
    int? Adults, int? Children, IReadOnlyList<DietaryNeed> Dietary, IReadOnlyList<EquipmentItem> Equipment, string? SheetNotes);
