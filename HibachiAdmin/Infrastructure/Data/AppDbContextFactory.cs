using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Data;

/// <summary>Creates the context type of the configured provider (and so the right migrations set).</summary>
public sealed class AppDbContextFactory(DbContextOptions<AppDbContext> options, DatabaseSettings settings) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => DatabaseProvider.CreateContext(settings.Provider, options);
}
