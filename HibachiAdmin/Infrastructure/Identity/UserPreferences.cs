using System.Security.Claims;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Identity;

/// <summary>Per-user UI preferences (dark mode) stored on the user row so they follow the person.</summary>
public sealed class UserPreferences(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<UserPreferenceState> GetAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return new(false, false);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new UserPreferenceState(u.PrefersDarkMode, u.MustChangePassword))
            .FirstOrDefaultAsync(ct);
        return state ?? new(false, false);
    }

    public async Task SetDarkModeAsync(ClaimsPrincipal user, bool darkMode, CancellationToken ct)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PrefersDarkMode, darkMode), ct);
    }
}
