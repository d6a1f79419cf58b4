using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Data;

/// <summary>A feature's part of the demo data. Contributors run in <see cref="Order"/>.</summary>
public interface IDemoSeedContributor
{
    int Order { get; }

    /// <summary>True when this contributor's data is already there (then nothing is seeded).</summary>
    Task<bool> HasDataAsync(AppDbContext db, CancellationToken ct) => Task.FromResult(false);

    Task SeedAsync(AppDbContext db, DemoSeedContext context, CancellationToken ct);
}

/// <summary>Shared state between contributors (e.g. the contacts made first, for leads to use).</summary>
public sealed class DemoSeedContext(TimeProvider time)
{
    public Random Random { get; } = new(20261124);
    public DateTime UtcNow { get; } = time.GetUtcNow().UtcDateTime;
    public Dictionary<string, object> Items { get; } = [];
}

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
