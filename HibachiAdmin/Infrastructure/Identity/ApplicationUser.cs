using Microsoft.AspNetCore.Identity;

namespace HibachiAdmin.Infrastructure.Identity;

public sealed class ApplicationUser : IdentityUser
{
    public const int MaxDisplayName = 100;

    [PersonalData]
    [System.ComponentModel.DataAnnotations.MaxLength(MaxDisplayName)]
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled user cannot sign in and is signed out everywhere (security stamp changes).</summary>
    public bool IsDisabled { get; set; }

    /// <summary>Set by an admin's password reset: the user must choose a new password before anything else.</summary>
    public bool MustChangePassword { get; set; }

    public bool PrefersDarkMode { get; set; }

    public DateTime CreatedAt { get; set; }
}
