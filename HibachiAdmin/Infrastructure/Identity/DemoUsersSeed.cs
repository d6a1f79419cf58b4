using HibachiAdmin.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Identity;

/// <summary>
/// The demo's staff accounts (<see cref="DemoStaff"/>), first of all demo data so every later history can name them.
/// Created without a password (nobody can sign in as them until an Admin resets theirs), with their role.
/// </summary>
public sealed class DemoUsersSeed(TimeProvider time) : IDemoSeedContributor
{
    public int Order => 1;

    public async Task SeedAsync(AppDbContext db, DemoSeedContext context, CancellationToken ct)
    {
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var existing = (await db.Users.AsNoTracking().Select(u => u.NormalizedEmail).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var person in DemoStaff.People)
        {
            var normalized = person.Email.ToUpperInvariant();
            if (existing.Contains(normalized) || !roles.TryGetValue(person.Role, out var roleId))
            {
                continue;
            }
            var user = new ApplicationUser
            {
                UserName = person.Email, NormalizedUserName = normalized, Email = person.Email, NormalizedEmail = normalized, EmailConfirmed = true,
                DisplayName = person.Name, SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true, CreatedAt = time.GetUtcNow().UtcDateTime.AddDays(-90),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        }
    }
}
