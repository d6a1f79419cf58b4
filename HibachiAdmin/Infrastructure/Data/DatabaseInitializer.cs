using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Data;

/// <summary>
/// Runs before the server starts listening (hosted services start in order, before Kestrel):
/// applies migrations, switches SQLite to WAL, creates the first admin and, when asked, the demo data.
/// </summary>
public sealed class DatabaseInitializer(
    IServiceProvider services,
    IDbContextFactory<AppDbContext> dbFactory,
    IConfiguration configuration,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await DatabaseProvider.PrepareAsync(db, ct);
            // Only when a migration is pending: MigrateAsync on an up-to-date database still compares the model with the
            // last snapshot (EF's pending-model-changes check), a large share of a warm start's CPU. MigrationsTests holds that
            // check for both providers instead, and a database behind its code still migrates here.
            if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            {
                await db.Database.MigrateAsync(ct);
            }
        }
        // Before the job servers start: leases of a dead run (SQLite) or of silent instances (PostgreSQL) go back now.
        await services.GetRequiredService<LeaseRecovery>().OnStartAsync(ct);

        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync(ct);

        if (configuration.GetValue<bool>("Seed:Demo"))
        {
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(ct);
            if (seeded)
            {
                logger.LogInformation("Demo data seeded.");
            }
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
