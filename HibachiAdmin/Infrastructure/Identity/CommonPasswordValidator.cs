using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace HibachiAdmin.Infrastructure.Identity;

/// <summary>
/// NIST 800-63B style: length over composition rules, and a refusal of passwords that appear on
/// lists of commonly used or breached passwords (case-insensitive, also with trailing digits removed).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    private static readonly FrozenSet<string> Common = Load();

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (password is not null && IsCommon(password, user))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "This password is too common or too easy to guess. Choose a longer, less predictable passphrase.",
            }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    internal static bool IsCommon(string password, ApplicationUser? user = null)
    {
        var p = password.Trim().ToLowerInvariant();
        if (Common.Contains(p) || Common.Contains(p.TrimEnd('!', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9')))
        {
            return true;
        }
        if (p.Distinct().Count() <= 2)
        {
            return true;
        }
        var email = user?.Email?.ToLowerInvariant();
        return email is not null && (p.Contains(email, StringComparison.Ordinal) || p.Contains(email.Split('@')[0], StringComparison.Ordinal) && email.Split('@')[0].Length >= 6);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly
            .GetManifestResourceStream("HibachiAdmin.Infrastructure.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
