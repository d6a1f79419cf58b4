using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Data;

/// <summary>Fills an empty database with realistic demo data (Seed:Demo=true).</summary>
public sealed class DemoSeeder(
    IDbContextFactory<AppDbContext> dbFactory,
    IEnumerable<IDemoSeedContributor> contributors,
    TimeProvider time)
{
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        foreach (var contributor in contributors)
        {
            if (await contributor.HasDataAsync(db, ct))
            {
                return false;
            }
        }
        var context = new DemoSeedContext(time);
        foreach (var contributor in contributors.OrderBy(c => c.Order))
        {
            await contributor.SeedAsync(db, context, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return true;
    }
}
