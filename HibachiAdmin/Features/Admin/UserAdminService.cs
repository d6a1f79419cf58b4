using HibachiAdmin.Common;
using HibachiAdmin.Features.Admin.Contracts;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Admin;

/// <summary>
/// Staff account administration for Admins: no self-registration exists, so every account comes
/// from here. Actions that change who someone is (disable, roles, password reset) rotate the security
/// stamp, which ends their cookies (revalidated each minute) and bearer tokens (checked per request).
/// </summary>
public sealed class UserAdminService(IServiceScopeFactory scopes) : IStaffDirectory
{
    // Identity's UserManager is scoped (it holds a DbContext): one scope per operation, never one per circuit.
    private async Task<T> RunAsync<T>(Func<UserAdminOperations, Task<T>> operation)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await operation(scope.ServiceProvider.GetRequiredService<UserAdminOperations>());
    }

    public Task<IReadOnlyList<StaffUser>> ListAsync(CancellationToken ct) => RunAsync(o => o.ListAsync(ct));

    public Task<UserAdminResult> CreateAsync(string email, string displayName, IReadOnlyCollection<string> roles, string? password, Actor actor, CancellationToken ct) =>
        RunAsync(o => o.CreateAsync(email, displayName, roles, password, actor, ct));

    public Task<UserAdminResult> SetRolesAsync(string userId, IReadOnlyCollection<string> roles, Actor actor, CancellationToken ct) =>
        RunAsync(o => o.SetRolesAsync(userId, roles, actor, ct));

    public Task<UserAdminResult> SetDisabledAsync(string userId, bool disabled, Actor actor, CancellationToken ct) =>
        RunAsync(o => o.SetDisabledAsync(userId, disabled, actor, ct));

    public Task<UserAdminResult> UnlockAsync(string userId, Actor actor, CancellationToken ct) => RunAsync(o => o.UnlockAsync(userId, actor, ct));

    public Task<UserAdminResult> ForcePasswordResetAsync(string userId, Actor actor, CancellationToken ct) => RunAsync(o => o.ForcePasswordResetAsync(userId, actor, ct));
}
