using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;

namespace HibachiAdmin.Features.Bookings.Sheet;

/// <summary>
/// Everything the chef takes to the party (the BEO). <see cref="Dietary"/> is ordered most serious first: the sheet shows
/// it before anything else.
/// </summary>
public sealed record EventSheet(
    BookingRow Booking,
    ContactSummary? Customer,
    IReadOnlyList<ChefSummary> Chefs,
    PartyMenu? Menu,
    DateTime StartUtc,
    DateTime EndUtc,
    IReadOnlyList<DietaryNeed> Dietary,
    IReadOnlyList<EquipmentItem> Equipment,
    IReadOnlyList<GuestCountChange> GuestLog,
    DateTime GuestCountCutoffUtc,
    IReadOnlyList<SheetTimelineItem> Timeline,
    string? MapUrl)
{
    public BookingSheetRow Details => Booking.Sheet ?? new BookingSheetRow { BookingId = Booking.Id };
}
