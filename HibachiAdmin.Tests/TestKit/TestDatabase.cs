using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>A throwaway app database for one test host (or for several hosts sharing it).</summary>
public abstract class TestDatabase
{
    public abstract DbProvider Provider { get; }
    public abstract string ConnectionString { get; }

    /// <summary>Deletes the database; best effort (a leftover is harmless).</summary>
    public abstract void Delete();
}

public sealed class SqliteTestDatabase(string path) : TestDatabase
{
    // Migrating a new file costs a host a few hundred milliseconds of CPU and hundreds of hosts start in a
    // run, so every new database is a copy of one file migrated once per test process. The app still runs
    // its migrations on start (and finds none pending), as in production.
    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A new database file, already migrated (a copy of the process's template).</summary>
    public static SqliteTestDatabase CreateNew()
    {
        var database = new SqliteTestDatabase(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"hibachi-test-{Guid.NewGuid():N}.db"));
        File.Copy(Template.Value, database.Path);
        return database;
    }

    public string Path { get; } = path;
    public override DbProvider Provider => DbProvider.Sqlite;
    public override string ConnectionString => $"Data Source={Path}";

    private static string CreateTemplate()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"hibachi-template-{Guid.NewGuid():N}.db");
        using (var db = DataSetup.CreateForTooling(DbProvider.Sqlite, $"Data Source={path}"))
        {
            // What DatabaseInitializer does on start: WAL, then migrations. The checkpoint (and closing the
            // pooled connection below) leaves every page in the main file, so a file copy is the whole database.
            DatabaseProvider.PrepareAsync(db, CancellationToken.None).GetAwaiter().GetResult();
            db.Database.Migrate();
            db.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => new SqliteTestDatabase(path).Delete();
        return path;
    }

    public override void Delete()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try
            {
                File.Delete(Path + suffix);
            }
            catch (IOException)
            {
                // A leftover temp file is harmless.
            }
        }
    }
}

/// <summary>A fresh database on the test PostgreSQL server (<see cref="PostgresTestServer"/>), dropped at the end.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private PostgresTestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public override DbProvider Provider => DbProvider.Postgres;
    public override string ConnectionString { get; }

    // As for SQLite: one database migrated once per test process, and every new database a copy of it
    // (CREATE DATABASE … TEMPLATE copies files, far cheaper than running the migrations again).
    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A new database on the test server, already migrated (a copy of the process's template).</summary>
    public static PostgresTestDatabase CreateNew()
    {
        var admin = PostgresTestServer.AdminConnectionString();
        var name = $"hibachi_test_{Guid.NewGuid():N}";
        Execute(admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{Template.Value}\"");
        return new PostgresTestDatabase(name, ConnectionTo(admin, name));
    }

    private static string ConnectionTo(string admin, string name) =>
        new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 60 }.ConnectionString;

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string CreateTemplate()
    {
        var admin = PostgresTestServer.AdminConnectionString();
        var name = $"hibachi_template_{Guid.NewGuid():N}";
        Execute(admin, $"CREATE DATABASE \"{name}\"");
        // Unpooled: a copy needs the template to have no open session.
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
        using (var db = DataSetup.CreateForTooling(DbProvider.Postgres, connectionString))
        {
            db.Database.Migrate();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => new PostgresTestDatabase(name, connectionString).Delete();
        return name;
    }

    public override void Delete()
    {
        // This database's pool only: other hosts run beside this one.
        using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        try
        {
            using var connection = new NpgsqlConnection(PostgresTestServer.AdminConnectionString());
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The server is going away with CI's temp cluster anyway.
        }
    }
}

/// <summary>
/// The PostgreSQL server tests run against: <c>HIBACHI_TEST_POSTGRES</c> holds a connection string
/// with the right to create databases (.ci/run starts a throwaway server and sets it). Without it,
/// PostgreSQL tests are skipped with a reason — unless <c>REQUIRE_POSTGRES=1</c> (CI), where they fail.
/// When it is set but the server does not answer, they fail.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "HIBACHI_TEST_POSTGRES";

    public static string? SkipReason =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } || Environment.GetEnvironmentVariable("REQUIRE_POSTGRES") == "1"
            ? null
            : $"{Variable} is not set (a connection string to a PostgreSQL server where databases may be created; .ci/run starts one); set REQUIRE_POSTGRES=1 to make this a failure.";

    public static string AdminConnectionString() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"REQUIRE_POSTGRES=1 but {Variable} is not set: no PostgreSQL server to test against.");
}

/// <summary>Marks a test class that needs the test PostgreSQL server; see <see cref="PostgresTestServer"/>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;
