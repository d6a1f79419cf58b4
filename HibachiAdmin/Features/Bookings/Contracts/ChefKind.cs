using System.ComponentModel;

namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>Who a chef is to the business: one of the staff, or a contractor booked per party.</summary>
public enum ChefKind
{
    [Description("Staff member")]
    Staff,
    [Description("External contractor")]
    Contractor,
}
