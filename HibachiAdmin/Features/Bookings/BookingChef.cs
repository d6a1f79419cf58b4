namespace HibachiAdmin.Features.Bookings;

/// <summary>A chef on a party, in the booking read model: projected from ChefAssigned/ChefUnassigned, rebuilt by replay.</summary>
public sealed class BookingChef
{
    public Guid BookingId { get; set; }
    public Guid ChefId { get; set; }
    public string ChefName { get; set; } = "";
    public DateTime AssignedAt { get; set; }
}
