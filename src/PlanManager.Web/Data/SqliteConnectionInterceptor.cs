using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PlanManager.Web.Data;

/// <summary>
/// Every SQLite connection waits for a busy writer instead of failing at once and enforces
/// foreign keys. WAL (set once at start-up) lets readers go on while one request writes.
/// The settings belong to the SQLite connection itself, which the pool keeps open between requests: they are
/// sent once per pooled connection, not on every open (three statements on every query, issue 18).
/// </summary>
internal sealed class SqliteConnectionInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Configure(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    private static readonly ConditionalWeakTable<object, object> Configured = [];

    private static void Configure(DbConnection connection)
    {
        // The native handle is what the pool keeps; the SqliteConnection around it is new for every unit of work.
        var handle = (connection as SqliteConnection)?.Handle;
        if (handle is not null && Configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
        command.ExecuteNonQuery();
        if (handle is not null)
        {
            Configured.TryAdd(handle, handle);
        }
    }
}
