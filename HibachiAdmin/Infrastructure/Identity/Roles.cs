namespace HibachiAdmin.Infrastructure.Identity;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Manager = "Manager";
    public const string Marketing = "Marketing";
    public const string Staff = "Staff";

    public static readonly string[] All = [Admin, Manager, Marketing, Staff];
}
