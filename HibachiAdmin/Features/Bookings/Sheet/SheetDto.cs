using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Bookings.Sheet;

/// <summary>The event sheet as the API returns it (times in UTC; dietary needs most serious first).</summary>
public sealed record SheetDto(
    Guid BookingId, int Version, DateOnly EventDate, DateTime StartUtc, DateTime EndUtc, TimeOnly? ArrivalTime, TimeOnly? ServeTime,
    string? Address, string? Zip, string? MapUrl, string? GateNotes, string? ParkingNotes, PartySetting? Setting,
    int GuestCount, IReadOnlyList<GuestCountChange> GuestCountLog, DateTime GuestCountLockedFrom, int? Adults, int? Children,
    IReadOnlyList<DietaryNeed> Dietary, IReadOnlyList<EquipmentItem> Equipment, PartyMenu? Menu, string? Package, string? Notes,
    string? CustomerName, string? CustomerPhone, decimal BalanceDue, IReadOnlyList<ChefSummary> Chefs, IReadOnlyList<SheetTimelineItem> Timeline,
    DayOfStep Step, int? ActualGuests, string? DoneNotes)
{
    public static SheetDto From(EventSheet s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var b = s.Booking;
        var d = s.Details;
        return new SheetDto(b.Id, b.Version, b.EventDate, s.StartUtc, s.EndUtc, d.ArrivalTime, d.ServeTime, b.Address, b.Zip, s.MapUrl, d.GateNotes, d.ParkingNotes,
            d.Setting, b.GuestCount, s.GuestLog, s.GuestCountCutoffUtc, d.Adults, d.Children, s.Dietary, s.Equipment, s.Menu, b.Package, d.SheetNotes ?? b.Notes,
            s.Customer?.Name, s.Customer?.Phone, b.AmountDue, s.Chefs, s.Timeline, d.Step, d.ActualGuests, d.DoneNotes);
    }
}
