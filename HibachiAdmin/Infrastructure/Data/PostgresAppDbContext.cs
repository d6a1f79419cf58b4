using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HibachiAdmin.Infrastructure.Data;

/// <summary>
/// <see cref="AppDbContext"/> on PostgreSQL. The same model; a separate type only so PostgreSQL has its
/// own migrations set (Migrations/Postgres). Services keep asking for
/// <c>IDbContextFactory&lt;AppDbContext&gt;</c>; <see cref="AppDbContextFactory"/> hands out this type when
/// <c>Database:Provider</c> is Postgres.
/// </summary>
public sealed class PostgresAppDbContext(DbContextOptions<AppDbContext> options) : AppDbContext(options);

/// <summary>
/// For <c>dotnet ef migrations add X --context PostgresAppDbContext</c>: the app's own data and identity
/// services on PostgreSQL (Identity's options shape the model: key lengths, schema version), so the
/// migration is generated from exactly the model the app runs. Needs no server.
/// </summary>
public sealed class PostgresAppDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        (PostgresAppDbContext)DataSetup.CreateForTooling(DbProvider.Postgres, "Host=localhost;Database=hibachi_design");
}

/// <summary>
/// For <c>dotnet ef migrations add X --context AppDbContext</c>: the SQLite model. Without it the tools
/// would take the PostgreSQL factory above for AppDbContext too (the factory interface is covariant, so a
/// factory of the derived type also counts as one of the base type) and write PostgreSQL column types
/// into the SQLite set.
/// </summary>
public sealed class AppDbContextDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) => DataSetup.CreateForTooling(DbProvider.Sqlite, "Data Source=design-time.db");
}

/// <summary>Creates the context type of the configured provider (and so the right migrations set).</summary>
public sealed class AppDbContextFactory(DbContextOptions<AppDbContext> options, DatabaseSettings settings) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => DatabaseProvider.CreateContext(settings.Provider, options);
}

public sealed record DatabaseSettings(DbProvider Provider);
