using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Data;

/// <summary>
/// Claims a batch of rows with a lease in one statement, so two workers — in this process or in
/// another app instance over the same database — never get the same row. On PostgreSQL the candidates
/// are selected <c>FOR UPDATE SKIP LOCKED</c> (a concurrent claimer skips them instead of waiting or
/// double-claiming); on SQLite the single writer serializes the statement.
/// </summary>
public static class LeaseClaims
{
    /// <param name="eligible">
    /// SQL condition on the table's own columns saying a row is due (without the lease test), with
    /// <c>{0}</c>-style placeholders for <paramref name="args"/>; e.g. <c>"DispatchedAt" IS NULL</c>.
    /// </param>
    /// <param name="alsoSet">More assignments made by the claim itself, e.g. <c>"Attempts" = "Attempts" + 1</c>.</param>
    /// <returns>Keys of the rows claimed now (in no particular order).</returns>
    public static async Task<List<TKey>> ClaimBatchAsync<TKey>(
        AppDbContext db, LeaseTable table, string eligible, object[] args,
        int batchSize, DateTime now, TimeSpan lease, string? owner, CancellationToken ct, string? alsoSet = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var provider = DatabaseProvider.Of(db.Database);
        var p = args.ToList();
        string Arg(object value)
        {
            p.Add(value);
            return $"{{{p.Count - 1}}}";
        }

        var nowArg = Arg(DateTime.SpecifyKind(now, DateTimeKind.Utc));
        var untilArg = Arg(DateTime.SpecifyKind(now + lease, DateTimeKind.Utc));
        var setOwner = (table.LockedBy is { } by ? $", {Q(by)} = {Arg(owner ?? "")}" : "") + (alsoSet is null ? "" : $", {alsoSet}");
        var free = $"({Q(table.LockedUntil)} IS NULL OR {Q(table.LockedUntil)} < {nowArg})";
        // The candidates are picked once, in a materialized CTE: as an IN (subquery) PostgreSQL may
        // rescan it, and each rescan of a FOR UPDATE SKIP LOCKED subquery locks other rows (measured:
        // six concurrent claimers then queued on each other's row locks for 30 s).
        var sql = $"""
            WITH "picked" AS MATERIALIZED (
                SELECT {Q(table.Key)} AS "Key" FROM {Q(table.Table)}
                WHERE ({eligible}) AND {free}
                ORDER BY {table.OrderBy}
                LIMIT {batchSize}{DatabaseProvider.SkipLockedClause(provider)})
            UPDATE {Q(table.Table)} SET {Q(table.LockedUntil)} = {untilArg}{setOwner}
            FROM "picked"
            WHERE {Q(table.Table)}.{Q(table.Key)} = "picked"."Key"
            RETURNING {Q(table.Table)}.{Q(table.Key)} AS "Value"
            """;
        return await db.Database.SqlQueryRaw<TKey>(sql, [.. p]).ToListAsync(ct);
    }

    /// <summary>Longest owner a <c>LockedBy</c> column holds (<c>HasMaxLength(100)</c>).</summary>
    public const int MaxOwnerLength = 100;

    /// <summary>
    /// A lease owner naming the host and process (for an operator looking at a held row) and unique per
    /// claim. A long host name is cut so the owner fits the column (PostgreSQL refuses a longer value;
    /// a Kubernetes pod name alone may be 63 characters); the unique part is always kept.
    /// </summary>
    public static string NewOwner(string host, int processId, Guid claim)
    {
        var suffix = $":{processId}:{claim:N}";
        return host[..Math.Min(host.Length, MaxOwnerLength - suffix.Length)] + suffix;
    }

    /// <summary>Gives claimed rows back at once (e.g. on shutdown) instead of waiting for the lease to expire.</summary>
    public static Task<int> ReleaseAsync(AppDbContext db, LeaseTable table, string owner, CancellationToken ct)
    {
        if (table.LockedBy is not { } by)
        {
            throw new InvalidOperationException($"{table.Table} has no owner column; its leases can only expire.");
        }
        // Identifiers come from code (LeaseTable), never from input; the owner is a parameter.
        var sql = $"UPDATE {Q(table.Table)} SET {Q(table.LockedUntil)} = NULL, {Q(by)} = NULL WHERE {Q(by)} = {{0}}";
        return db.Database.ExecuteSqlRawAsync(sql, [owner], ct);
    }

    private static string Q(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
