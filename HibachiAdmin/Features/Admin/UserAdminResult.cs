using HibachiAdmin.Features.Admin.Contracts;

namespace HibachiAdmin.Features.Admin;

/// <summary>A result with, when the action produced one, a password to show to the admin once.</summary>
public sealed record UserAdminResult(bool Succeeded, string? Error = null, string? OneTimePassword = null, StaffUser? User = null)
{
    public static UserAdminResult Fail(string error) => new(false, error);
}
