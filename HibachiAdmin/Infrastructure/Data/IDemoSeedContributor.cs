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
