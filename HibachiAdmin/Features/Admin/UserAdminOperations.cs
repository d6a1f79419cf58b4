using HibachiAdmin.Common;
using HibachiAdmin.Features.Admin.Contracts;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Admin;

/// <summary>The operations behind <see cref="UserAdminService"/>, inside one DI scope.</summary>
public sealed class UserAdminOperations(UserManager<ApplicationUser> users, TimeProvider time, ILogger<UserAdminService> logger)
{
    public async Task<IReadOnlyList<StaffUser>> ListAsync(CancellationToken ct)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var result = new List<StaffUser>(all.Count);
        foreach (var u in all)
        {
            result.Add(await ToStaffUserAsync(u));
        }
        return result;
    }

    /// <param name="password">Null to generate one, which is returned once.</param>
    public async Task<UserAdminResult> CreateAsync(string email, string displayName, IReadOnlyCollection<string> roles, string? password, Actor actor, CancellationToken ct)
    {
        if (roles.Count == 0 || roles.Any(r => !Roles.All.Contains(r)))
        {
            return UserAdminResult.Fail($"Choose at least one role of: {string.Join(", ", Roles.All)}.");
        }
        if (!System.Net.Mail.MailAddress.TryCreate(email?.Trim(), out _) || email!.Trim().Length > 256)
        {
            return UserAdminResult.Fail("Enter a valid email address.");
        }
        if (displayName?.Trim().Length > ApplicationUser.MaxDisplayName)
        {
            return UserAdminResult.Fail($"The name is at most {ApplicationUser.MaxDisplayName} characters.");
        }
        var generated = string.IsNullOrEmpty(password);
        password = generated ? AdminBootstrapper.GeneratePassword() : password;
        var user = new ApplicationUser
        {
            UserName = email!.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Split('@')[0] : displayName.Trim(),
            MustChangePassword = true,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, password!);
        if (!created.Succeeded)
        {
            return UserAdminResult.Fail(Describe(created));
        }
        var roleResult = await users.AddToRolesAsync(user, roles);
        if (!roleResult.Succeeded)
        {
            await users.DeleteAsync(user);
            return UserAdminResult.Fail(Describe(roleResult));
        }
        logger.LogInformation("{Admin} created user {Email} with roles {Roles}", Common.Pii.Redact(actor.Name), Common.Pii.Email(user.Email), string.Join(",", roles));
        return new UserAdminResult(true, OneTimePassword: generated ? password : null, User: await ToStaffUserAsync(user));
    }

    public async Task<UserAdminResult> SetRolesAsync(string userId, IReadOnlyCollection<string> roles, Actor actor, CancellationToken ct)
    {
        if (roles.Count == 0 || roles.Any(r => !Roles.All.Contains(r)))
        {
            return UserAdminResult.Fail("Choose at least one valid role.");
        }
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return UserAdminResult.Fail("No such user.");
        }
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && !roles.Contains(Roles.Admin) && await IsLastActiveAdminAsync(user, ct))
        {
            return UserAdminResult.Fail("This is the last active Admin; make someone else Admin first.");
        }
        var remove = await users.RemoveFromRolesAsync(user, current.Except(roles));
        var add = await users.AddToRolesAsync(user, roles.Except(current));
        if (!remove.Succeeded || !add.Succeeded)
        {
            return UserAdminResult.Fail(Describe(remove.Succeeded ? add : remove));
        }
        await users.UpdateSecurityStampAsync(user);
        logger.LogInformation("{Admin} set roles of {Email} to {Roles}", Common.Pii.Redact(actor.Name), Common.Pii.Email(user.Email), string.Join(",", roles));
        return new UserAdminResult(true, User: await ToStaffUserAsync(user));
    }

    public async Task<UserAdminResult> SetDisabledAsync(string userId, bool disabled, Actor actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return UserAdminResult.Fail("No such user.");
        }
        if (disabled && await users.IsInRoleAsync(user, Roles.Admin) && await IsLastActiveAdminAsync(user, ct))
        {
            return UserAdminResult.Fail("This is the last active Admin; it cannot be disabled.");
        }
        user.IsDisabled = disabled;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return UserAdminResult.Fail(Describe(result));
        }
        // Rotating the stamp signs the user out everywhere.
        await users.UpdateSecurityStampAsync(user);
        logger.LogInformation("{Admin} {Action} user {Email}", Common.Pii.Redact(actor.Name), disabled ? "disabled" : "re-enabled", Common.Pii.Email(user.Email));
        return new UserAdminResult(true, User: await ToStaffUserAsync(user));
    }

    public async Task<UserAdminResult> UnlockAsync(string userId, Actor actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return UserAdminResult.Fail("No such user.");
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        logger.LogInformation("{Admin} unlocked {Email}", Common.Pii.Redact(actor.Name), Common.Pii.Email(user.Email));
        return new UserAdminResult(true, User: await ToStaffUserAsync(user));
    }

    /// <summary>Sets a temporary password (shown once) that must be changed at the next sign-in.</summary>
    public async Task<UserAdminResult> ForcePasswordResetAsync(string userId, Actor actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return UserAdminResult.Fail("No such user.");
        }
        var temporary = AdminBootstrapper.GeneratePassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, temporary);
        if (!reset.Succeeded)
        {
            return UserAdminResult.Fail(Describe(reset));
        }
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        logger.LogInformation("{Admin} forced a password reset for {Email}", Common.Pii.Redact(actor.Name), Common.Pii.Email(user.Email));
        return new UserAdminResult(true, OneTimePassword: temporary, User: await ToStaffUserAsync(user));
    }

    private async Task<bool> IsLastActiveAdminAsync(ApplicationUser user, CancellationToken ct)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return admins.Count(a => !a.IsDisabled && a.Id != user.Id) == 0;
    }

    private async Task<StaffUser> ToStaffUserAsync(ApplicationUser u)
    {
        var roles = await users.GetRolesAsync(u);
        var lockout = u.LockoutEnd is { } end && end > time.GetUtcNow() ? end : (DateTimeOffset?)null;
        return new StaffUser(u.Id, u.Email ?? "", u.DisplayName, roles.Order().ToList(), u.IsDisabled, lockout, u.MustChangePassword, u.CreatedAt);
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
