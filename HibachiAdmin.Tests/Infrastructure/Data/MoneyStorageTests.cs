using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HibachiAdmin.Tests.Infrastructure.Data;

/// <summary>Money is stored exactly on SQLite (an INTEGER of ten-thousandths), and old REAL rows migrate.</summary>
public sealed class MoneyStorageTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hibachi-money-{Guid.NewGuid():N}.db");

    private AppDbContext Context() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={_path}").Options);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Rows_written_as_doubles_before_the_migration_read_back_exactly_after_it()
    {
        await using (var db = Context())
        {
            var migrator = db.GetService<IMigrator>();
            var before = db.Database.GetMigrations().TakeWhile(m => !m.EndsWith("_ExactMoney", StringComparison.Ordinal)).Last();
            await migrator.MigrateAsync(before);
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO BookingRows (Id, ContactId, EventDate, GuestCount, PricePerPerson, Total, DepositPaid, Status, Version, CreatedAt, UpdatedAt)
                VALUES ('0B5A6F3E-0000-4000-8000-000000000001', '0B5A6F3E-0000-4000-8000-000000000002', '2030-06-01', 20, 62.55, 1251.0, 200.1, 'Requested', 1,
                        '2026-01-01 00:00:00', '2026-01-01 00:00:00')
                """);
            await db.Database.MigrateAsync();
        }
        await using (var db = Context())
        {
            var row = await db.Set<BookingRow>().SingleAsync();
            Assert.Equal(62.55m, row.PricePerPerson);
            Assert.Equal(1251m, row.Total);
            Assert.Equal(200.1m, row.DepositPaid);

            row.DepositPaid += 0.1m;
            row.DepositPaid += 0.2m;
            await db.SaveChangesAsync();
            var type = await db.Database.SqlQueryRaw<string>("SELECT typeof(DepositPaid) AS Value FROM BookingRows").SingleAsync();
            Assert.Equal("integer", type);
            Assert.Equal(200.4m, await db.Set<BookingRow>().Select(r => r.DepositPaid).SingleAsync());
            Assert.Equal(1451.4m, await db.Set<BookingRow>().SumAsync(r => r.Total + r.DepositPaid));
        }
    }
}
