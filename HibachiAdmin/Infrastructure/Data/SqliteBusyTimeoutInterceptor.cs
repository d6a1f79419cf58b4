using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HibachiAdmin.Infrastructure.Data;

/// <summary>
/// Sets SQLite's own busy timeout on every opened connection. Without it, Microsoft.Data.Sqlite retries
/// a locked database in 150 ms sleeps, which turns brief write-lock waits into 150 ms stalls; SQLite's
/// handler waits in small steps and takes the lock as soon as it is free.
/// </summary>
public sealed class SqliteBusyTimeoutInterceptor : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
