using System.Data;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace HibachiAdmin.Infrastructure.Data;

/// <summary>
/// The one place that knows how SQLite and PostgreSQL differ: configuration, the context type (and
/// so the migrations set), conventions, start-up and maintenance statements, and what raw SQL needs.
/// Code elsewhere asks this class instead of testing the provider itself.
/// </summary>
public static class DatabaseProvider
{
    public static DbProvider Parse(string? configured) => configured switch
    {
        null or "" => DbProvider.Sqlite,
        _ when string.Equals(configured, "Sqlite", StringComparison.OrdinalIgnoreCase) => DbProvider.Sqlite,
        _ when string.Equals(configured, "Postgres", StringComparison.OrdinalIgnoreCase) => DbProvider.Postgres,
        _ => throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{configured}'."),
    };

    public static DbProvider Of(DatabaseFacade database) => database.IsNpgsql() ? DbProvider.Postgres : DbProvider.Sqlite;

    public static void Configure(DbContextOptionsBuilder options, DbProvider provider, string connectionString)
    {
        if (provider == DbProvider.Postgres)
        {
            options.UseNpgsql(connectionString);
        }
        else
        {
            options.UseSqlite(WithSqliteDefaults(connectionString)).AddInterceptors(new SqliteBusyTimeoutInterceptor());
        }
    }

    /// <summary>
    /// One context type per provider so each has its own migrations set (EF finds migrations by the
    /// context type in their <c>[DbContext]</c> attribute): SQLite's under Migrations/, PostgreSQL's
    /// under Migrations/Postgres/. Both are an <see cref="AppDbContext"/> to every caller.
    /// </summary>
    public static AppDbContext CreateContext(DbProvider provider, DbContextOptions<AppDbContext> options) =>
        provider == DbProvider.Postgres ? new PostgresAppDbContext(options) : new AppDbContext(options);

    public static void ConfigureConventions(DatabaseFacade database, ModelConfigurationBuilder conventions)
    {
        if (Of(database) == DbProvider.Sqlite)
        {
            // SQLite has no decimal type: money is an exact INTEGER (SqliteMoneyConverter), summable in SQL.
            conventions.Properties<decimal>().HaveConversion<SqliteMoneyConverter>();
            conventions.Properties<decimal?>().HaveConversion<SqliteMoneyConverter>();
        }
    }

    /// <summary>Before migrations: SQLite switches to WAL (readers never block the writer). Nothing on PostgreSQL.</summary>
    public static async Task PrepareAsync(AppDbContext db, CancellationToken ct)
    {
        if (Of(db.Database) == DbProvider.Sqlite)
        {
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Periodic upkeep: SQLite checkpoints its WAL and refreshes statistics; PostgreSQL has autovacuum.</summary>
    /// <returns>false when there was nothing to do for this provider.</returns>
    public static async Task<bool> MaintainAsync(AppDbContext db, CancellationToken ct)
    {
        if (Of(db.Database) != DbProvider.Sqlite)
        {
            return false;
        }
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", ct);
        return true;
    }

    /// <summary>
    /// Isolation for a batch of raw inserts. SQLite has one writer anyway; on PostgreSQL read committed
    /// lets two instances insert side by side (ON CONFLICT still sees the other's committed rows),
    /// where serializable would fail one of them with a serialization error.
    /// </summary>
    public static IsolationLevel InsertBatchIsolation(DbProvider provider) =>
        provider == DbProvider.Postgres ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable;

    /// <summary>A value for a raw ADO.NET parameter, stored the way EF stores it for this provider.</summary>
    public static object Parameter(DbProvider provider, Guid value) =>
        provider == DbProvider.Sqlite ? value.ToString().ToUpperInvariant() : value;

    /// <inheritdoc cref="Parameter(DbProvider, Guid)"/>
    public static object Parameter(DbProvider provider, DateTime utc) =>
        provider == DbProvider.Sqlite ? utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) : DateTime.SpecifyKind(utc, DateTimeKind.Utc);

    /// <summary>
    /// Row locking for a claim's candidate query: PostgreSQL skips rows another instance is claiming
    /// right now instead of waiting for it; SQLite has no row locks (its single writer serializes claims).
    /// </summary>
    public static string SkipLockedClause(DbProvider provider) => provider == DbProvider.Postgres ? " FOR UPDATE SKIP LOCKED" : "";

    /// <summary>A busy timeout lets concurrent writers wait for the lock instead of failing at once.</summary>
    private static string WithSqliteDefaults(string connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        // Microsoft.Data.Sqlite retries SQLITE_BUSY until DefaultTimeout elapses.
        if (csb.DefaultTimeout < 30)
        {
            csb.DefaultTimeout = 30;
        }
        return csb.ToString();
    }
}
