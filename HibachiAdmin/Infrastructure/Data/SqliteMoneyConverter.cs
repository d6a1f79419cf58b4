using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HibachiAdmin.Infrastructure.Data;

/// <summary>
/// Money on SQLite, which has no decimal type: an INTEGER count of ten-thousandths of a dollar.
/// Exact (a REAL double is not: 0.1 + 0.2 ≠ 0.3), and SUM/ORDER BY still run in SQL. Four places
/// keep sub-cent SMS costs; API amounts are whole cents and far below the 9.2e14-dollar range.
/// </summary>
public sealed class SqliteMoneyConverter() : ValueConverter<decimal, long>(
    v => (long)decimal.Round(v * Scale, MidpointRounding.AwayFromZero),
    v => v / Scale)
{
    public const decimal Scale = 10_000m;
}
