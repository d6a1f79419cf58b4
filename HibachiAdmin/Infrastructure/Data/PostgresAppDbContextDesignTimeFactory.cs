using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HibachiAdmin.Infrastructure.Data;

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
