namespace HibachiAdmin.Features.Bookings.Sheet;

/// <summary>
/// The link a chef was texted for one party. It opens the sheet while the chef is on the party and until
/// <see cref="SheetService.LinkGrace"/> after the party ends (a reschedule moves that); afterwards, or for anyone
/// else's party, it is a 404.
/// </summary>
public sealed class ChefSheetLink
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BookingId { get; set; }
    public Guid ChefId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
