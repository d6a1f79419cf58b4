using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HibachiAdmin.Tests.Infrastructure;

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
        var connectionString = $"Data Source={path};Pooling=False";
        using (var db = DataSetup.CreateForTooling(DbProvider.Sqlite, connectionString))
        {
            // What DatabaseInitializer does on start: WAL, then migrations. The checkpoint leaves every page in
            // the main file, so a plain file copy is the whole database.
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

    public static PostgresTestDatabase CreateNew()
    {
        var admin = PostgresTestServer.AdminConnectionString();
        var name = $"hibachi_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }
        var csb = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true, MaxPoolSize = 60 };
        return new PostgresTestDatabase(name, csb.ConnectionString);
    }

    public override void Delete()
    {
        NpgsqlConnection.ClearAllPools();
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
