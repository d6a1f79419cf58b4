using System.ComponentModel.DataAnnotations;
using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Bookings.Sheet;

/// <summary>The request bodies of the event sheet's API.</summary>
public static class SheetRequests
{
    public sealed record Dietary(
        [property: Required, StringLength(BookingSheetRow.MaxText, MinimumLength = 1)] string? What,
        [property: Required, Range(1, Booking.MaxGuests)] int? Guests,
        [property: Required] DietarySeverity? Severity);

    public sealed record Equipment(
        [property: Required, StringLength(BookingSheetRow.MaxText, MinimumLength = 1)] string? Item,
        [property: Required, Range(1, 99)] int? Quantity,
        [property: StringLength(200)] string? Note);

    public sealed record Details(
        TimeOnly? ArrivalTime, TimeOnly? ServeTime,
        [property: StringLength(BookingSheetRow.MaxNotes)] string? GateNotes,
        [property: StringLength(BookingSheetRow.MaxNotes)] string? ParkingNotes,
        PartySetting? Setting,
        [property: Range(0, Booking.MaxGuests)] int? Adults,
        [property: Range(0, Booking.MaxGuests)] int? Children,
        [property: MaxLength(BookingSheetRow.MaxListItems)] List<Dietary>? Dietary,
        [property: MaxLength(BookingSheetRow.MaxListItems)] List<Equipment>? Equipment,
        [property: StringLength(BookingSheetRow.MaxNotes * 4)] string? Notes,
        int? Version)
    {
        public PartyDetailsSet ToEvent() => new(ArrivalTime, ServeTime, Clean(GateNotes), Clean(ParkingNotes), Setting, Adults, Children,
            (Dietary ?? []).Select(d => new DietaryNeed(d.What!.Trim(), d.Guests!.Value, d.Severity!.Value)).ToList(),
            (Equipment ?? []).Select(e => new EquipmentItem(e.Item!.Trim(), e.Quantity!.Value, Clean(e.Note))).ToList(), Clean(Notes));

        private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public sealed record GuestCount([property: Required] int? Count, [property: StringLength(200)] string? Reason, int? Version);

    public sealed record Done([property: Required, Range(0, Booking.MaxGuests)] int? ActualGuests, [property: StringLength(BookingSheetRow.MaxNotes * 4)] string? Notes);
}
