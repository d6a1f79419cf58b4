namespace HibachiAdmin.Features.Admin.Contracts;

/// <summary>The staff accounts, for features that show or pick a person (implemented by <c>UserAdminService</c>).</summary>
public interface IStaffDirectory
{
    Task<IReadOnlyList<StaffUser>> ListAsync(CancellationToken ct);
}
