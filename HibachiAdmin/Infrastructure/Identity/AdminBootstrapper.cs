using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Identity;

/// <summary>
/// Creates the roles and, when no user exists, the first Admin. Without configured credentials a
/// random password is generated and logged once; there is never a default password.
/// </summary>
public sealed class AdminBootstrapper(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<AdminBootstrapper> logger)
{
    public async Task EnsureAdminAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        if (await users.Users.AnyAsync(ct))
        {
            return;
        }

        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        var generated = string.IsNullOrWhiteSpace(password);
        if (string.IsNullOrWhiteSpace(email))
        {
            email = "admin@hibachi.local";
        }
        if (generated)
        {
            password = GeneratePassword();
        }

        var admin = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Administrator",
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(admin, password!), "create the first admin");
        Check(await users.AddToRoleAsync(admin, Roles.Admin), "make the first admin an Admin");

        if (generated)
        {
            // Printed once, on the run that creates the account; it is not stored anywhere else.
            logger.LogWarning(
                "First run: created Admin {Email} with generated password {Password} — sign in and change it. Set Bootstrap:AdminEmail/Bootstrap:AdminPassword to choose them.",
                email, password);
        }
        else
        {
            logger.LogInformation("First run: created Admin {Email} from Bootstrap configuration.", Common.Pii.Email(email));
        }
    }

    internal static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, alphabet, static (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
