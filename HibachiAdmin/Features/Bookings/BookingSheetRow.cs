using System.Text.Json;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Infrastructure.Events;

namespace HibachiAdmin.Features.Bookings;

/// <summary>
/// The event sheet's read model (one per booking that has sheet facts): details, the guest count's change log and the
/// day-of steps with their times. Projected from the booking's events with <see cref="BookingRow"/>, rebuilt by replay.
/// Lists are kept as JSON: they are only ever read whole, with their booking.
/// </summary>
public sealed class BookingSheetRow
{
    public const int MaxNotes = 1000;
    public const int MaxText = 100;
    public const int MaxListItems = 30;

    public Guid BookingId { get; set; }
    public TimeOnly? ArrivalTime { get; set; }
    public TimeOnly? ServeTime { get; set; }
    public string? GateNotes { get; set; }
    public string? ParkingNotes { get; set; }
    public PartySetting? Setting { get; set; }
    public int? Adults { get; set; }
    public int? Children { get; set; }
    public string DietaryJson { get; set; } = "[]";
    public string EquipmentJson { get; set; } = "[]";
    public string? SheetNotes { get; set; }
    public string GuestLogJson { get; set; } = "[]";
    public DateTime? OnTheWayAt { get; set; }
    public string? OnTheWayBy { get; set; }
    public DateTime? ArrivedAt { get; set; }
    public string? ArrivedBy { get; set; }
    public DateTime? DoneAt { get; set; }
    public string? DoneBy { get; set; }
    public int? ActualGuests { get; set; }
    public string? DoneNotes { get; set; }

    public IReadOnlyList<DietaryNeed> Dietary => JsonSerializer.Deserialize<List<DietaryNeed>>(DietaryJson, EventStore.Json) ?? [];
    public IReadOnlyList<EquipmentItem> Equipment => JsonSerializer.Deserialize<List<EquipmentItem>>(EquipmentJson, EventStore.Json) ?? [];
    public IReadOnlyList<GuestCountChange> GuestLog => JsonSerializer.Deserialize<List<GuestCountChange>>(GuestLogJson, EventStore.Json) ?? [];

    public DayOfStep Step => DoneAt is not null ? DayOfStep.Done : ArrivedAt is not null ? DayOfStep.Arrived : OnTheWayAt is not null ? DayOfStep.OnTheWay : DayOfStep.NotStarted;
}
