using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Identity;

public sealed record UserPreferenceState(bool DarkMode, bool MustChangePassword);
