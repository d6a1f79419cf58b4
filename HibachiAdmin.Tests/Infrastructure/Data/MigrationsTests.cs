using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace HibachiAdmin.Tests.Infrastructure.Data;

/// <summary>
/// One migrations set per provider, both generated from the one model. These fail when an entity or
/// its configuration changed without a migration for either provider (the message lists what differs
/// and the command that adds the missing migration).
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Sqlite_migrations_match_the_model()
    {
        using var db = DataSetup.CreateForTooling(DbProvider.Sqlite, "Data Source=:memory:");
        Assert.IsNotType<PostgresAppDbContext>(db);
        AssertNoPendingChanges(db, "cd HibachiAdmin && dotnet ef migrations add <Name> --context AppDbContext");
    }

    [Fact]
    public void Postgres_migrations_match_the_model()
    {
        // Comparing the model with the migrations snapshot needs the provider, not a server.
        using var db = DataSetup.CreateForTooling(DbProvider.Postgres, "Host=localhost;Database=unused");
        Assert.IsType<PostgresAppDbContext>(db);
        AssertNoPendingChanges(db, "cd HibachiAdmin && dotnet ef migrations add <Name> --context PostgresAppDbContext --output-dir Infrastructure/Data/Migrations/Postgres");
    }

    [Fact]
    public void Each_provider_sees_only_its_own_migrations()
    {
        using var sqlite = DataSetup.CreateForTooling(DbProvider.Sqlite, "Data Source=:memory:");
        using var postgres = DataSetup.CreateForTooling(DbProvider.Postgres, "Host=localhost;Database=unused");
        var sqliteIds = sqlite.Database.GetMigrations().ToList();
        var postgresIds = postgres.Database.GetMigrations().ToList();
        Assert.NotEmpty(sqliteIds);
        Assert.NotEmpty(postgresIds);
        Assert.Empty(sqliteIds.Intersect(postgresIds));
        // The landed SQLite history stays exactly as it is.
        Assert.Equal("20261124161307_InitialCreate", sqliteIds[0]);
    }

    private static void AssertNoPendingChanges(AppDbContext db, string command)
    {
        if (!db.Database.HasPendingModelChanges())
        {
            return;
        }
        var migrations = db.GetService<IMigrationsAssembly>();
        var differ = db.GetService<IMigrationsModelDiffer>();
        var snapshot = migrations.ModelSnapshot?.Model is { } m ? db.GetService<IModelRuntimeInitializer>().Initialize(m) : null;
        var differences = differ.GetDifferences(snapshot?.GetRelationalModel(), db.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        Assert.Fail($"{db.GetType().Name}: the model has changes without a migration. Add one: {command}\n"
            + string.Join("\n", differences.Select(Describe)));
    }

    private static string Describe(MigrationOperation op) => op switch
    {
        AddColumnOperation a => $"add column {a.Table}.{a.Name}",
        DropColumnOperation d => $"drop column {d.Table}.{d.Name}",
        AlterColumnOperation a => $"alter column {a.Table}.{a.Name}: {a.OldColumn.ColumnType ?? a.OldColumn.ClrType.Name} -> {a.ColumnType ?? a.ClrType.Name}",
        CreateTableOperation c => $"create table {c.Name}",
        DropTableOperation d => $"drop table {d.Name}",
        CreateIndexOperation c => $"create index {c.Name} on {c.Table}",
        DropIndexOperation d => $"drop index {d.Name}",
        _ => op.GetType().Name,
    };
}
