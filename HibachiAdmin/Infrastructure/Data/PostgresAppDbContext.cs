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
