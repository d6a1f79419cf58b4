namespace HibachiAdmin.Infrastructure.Identity;

public static class Policies
{
    /// <summary>Admin only.</summary>
    public const string Admin = "Admin";
    /// <summary>Marketing, Manager or Admin.</summary>
    public const string MarketingPlus = "MarketingPlus";
    /// <summary>Manager or Admin.</summary>
    public const string ManagerPlus = "ManagerPlus";
    /// <summary>Any signed-in staff role.</summary>
    public const string StaffPlus = "StaffPlus";
}
