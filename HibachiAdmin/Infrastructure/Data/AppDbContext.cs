using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Data;

/// <summary>
/// The one database of the app. Features contribute their entities through
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes in their own folders and reach them
/// with <c>db.Set&lt;T&gt;()</c>, so adding a feature never edits this file. On PostgreSQL the instance is a
/// <see cref="PostgresAppDbContext"/> (its own migrations set); callers never need to know.
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // All instants are stored as UTC DateTime: sortable in SQLite, timestamptz in PostgreSQL.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        DatabaseProvider.ConfigureConventions(Database, configurationBuilder);
    }
}
