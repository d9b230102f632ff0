using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PlanManager.Web.Data;

/// <summary>
/// Every SQLite connection waits for a busy writer instead of failing at once and enforces
/// foreign keys. WAL (set once at start-up) lets readers go on while one request writes.
/// </summary>
internal sealed class SqliteConnectionInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    private static void Configure(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
    }
}
