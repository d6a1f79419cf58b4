using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HibachiAdmin.Infrastructure.Data;

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
