using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Identity;

/// <summary>
/// The name a person reads for who did something: changes are recorded with the signed-in user's email (stable, unique),
/// but screens name staff by their display name ("Mia Chen", not "mia@demo.test"). An actor that is no user's email
/// (a system source) is shown as recorded. The directory is read at most every 30 seconds.
/// </summary>
public sealed class StaffNames(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(30);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(IReadOnlyDictionary<string, string> NamesByEmail, DateTimeOffset ReadAt);

    /// <summary>The display name of the user with this email, else the actor as recorded.</summary>
    public async Task<string> NameOfAsync(string? actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(actor))
        {
            return "";
        }
        var snapshot = _snapshot;
        if (snapshot is null || time.GetUtcNow() - snapshot.ReadAt > FreshFor)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var users = await db.Users.AsNoTracking().Where(u => u.Email != null && u.DisplayName != "")
                .Select(u => new { u.Email, u.DisplayName }).ToListAsync(ct);
            snapshot = _snapshot = new Snapshot(users.GroupBy(u => u.Email!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First().DisplayName, StringComparer.OrdinalIgnoreCase), time.GetUtcNow());
        }
        return snapshot.NamesByEmail.TryGetValue(actor.Trim(), out var name) ? name : actor;
    }
}
