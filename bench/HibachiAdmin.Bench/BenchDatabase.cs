using HibachiAdmin.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HibachiAdmin.Bench;

/// <summary>
/// Where a benchmark's app instances keep their data. SQLite file (in-memory Hangfire) by default;
/// <c>BENCH_POSTGRES</c>=&lt;connection string to a server where databases may be created&gt; runs on a
/// fresh PostgreSQL database with Hangfire on PostgreSQL; <c>BENCH_INSTANCES</c>=2 starts two app
/// instances over that one database (PostgreSQL only), as behind a load balancer.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _sqlitePath;
    private readonly string? _postgresName;
    private readonly string? _postgresAdmin;

    private BenchDatabase(DbProvider provider, string connectionString, string? sqlitePath, string? postgresName, string? postgresAdmin)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqlitePath = sqlitePath;
        _postgresName = postgresName;
        _postgresAdmin = postgresAdmin;
    }

    public DbProvider Provider { get; }
    public string ConnectionString { get; }

    public static int Instances => int.TryParse(Environment.GetEnvironmentVariable("BENCH_INSTANCES"), out var n) && n > 1 ? n : 1;

    public string Describe() => Provider == DbProvider.Postgres ? $"PostgreSQL, {Instances} instance(s)" : "SQLite, 1 instance";

    public static BenchDatabase Create(string name)
    {
        if (Environment.GetEnvironmentVariable("BENCH_POSTGRES") is { Length: > 0 } admin)
        {
            var database = $"hibachi_bench_{name.Replace('-', '_')}_{Guid.NewGuid():N}"[..50];
            using (var connection = new NpgsqlConnection(admin))
            {
                connection.Open();
                using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                command.ExecuteNonQuery();
            }
            var csb = new NpgsqlConnectionStringBuilder(admin) { Database = database, MaxPoolSize = 100 };
            return new BenchDatabase(DbProvider.Postgres, csb.ConnectionString, null, database, admin);
        }
        if (Instances > 1)
        {
            throw new InvalidOperationException("BENCH_INSTANCES > 1 needs BENCH_POSTGRES: SQLite serves one instance.");
        }
        var path = Path.Combine(Path.GetTempPath(), $"hibachi-{name}-{Guid.NewGuid():N}.db");
        return new BenchDatabase(DbProvider.Sqlite, $"Data Source={path}", path, null, null);
    }

    /// <summary>An app instance over this database; settings shared by every benchmark, then the caller's.</summary>
    public WebApplicationFactory<Program> NewInstance(Action<IWebHostBuilder>? configure = null, Action<IServiceCollection>? services = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Default", ConnectionString);
            b.UseSetting("Database:Provider", Provider.ToString());
            b.UseSetting("Hangfire:Storage", Provider == DbProvider.Postgres ? "Postgres" : "InMemory");
            b.UseSetting("Bootstrap:AdminEmail", "bench@hibachi.local");
            b.UseSetting("Bootstrap:AdminPassword", "benchmark pass phrase");
            b.UseSetting("Logging:LogLevel:Default", "Error");
            configure?.Invoke(b);
            if (services is not null)
            {
                b.ConfigureTestServices(services);
            }
        });

    public ValueTask DisposeAsync()
    {
        if (_sqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(_sqlitePath + suffix);
            }
        }
        else if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var connection = new NpgsqlConnection(_postgresAdmin);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
        return ValueTask.CompletedTask;
    }
}
