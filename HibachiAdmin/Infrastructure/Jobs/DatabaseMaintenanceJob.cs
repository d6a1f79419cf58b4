using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Jobs;

/// <summary>
/// Keeps the SQLite file healthy: the WAL file grows until a checkpoint truncates it, and
/// <c>PRAGMA optimize</c> refreshes planner statistics. Nothing to do on PostgreSQL (autovacuum).
/// Idempotent; safe to run any time.
/// </summary>
public sealed class DatabaseMaintenanceJob(IDbContextFactory<AppDbContext> dbFactory, ILogger<DatabaseMaintenanceJob> logger)
{
    public const string Id = "database-maintenance";

    public async Task RunAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await DatabaseProvider.MaintainAsync(db, ct))
        {
            return;
        }
        logger.LogInformation("SQLite checkpoint and optimize done.");
    }
}
