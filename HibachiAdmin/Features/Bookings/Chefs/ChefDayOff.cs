namespace HibachiAdmin.Features.Bookings.Chefs;

/// <summary>A day (in the business's time zone) the chef cannot be booked.</summary>
public sealed class ChefDayOff
{
    public Guid ChefId { get; set; }
    public DateOnly Day { get; set; }
}
