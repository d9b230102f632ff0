using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PlanManager.Web.Data;

namespace PlanManager.IntegrationTests.Infrastructure;

/// <summary>The SQL a piece of code sends to the test database, and SQLite's EXPLAIN QUERY PLAN of each command.</summary>
public static class QueryPlans
{
    public sealed record Command(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    private sealed class Capture : DbCommandInterceptor
    {
        public List<Command> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(new Command(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
            return ValueTask.FromResult(result);
        }
    }

    /// <summary>Runs <paramref name="run"/> on a context of its own over <paramref name="databasePath"/> and returns what it read with.</summary>
    public static async Task<List<Command>> CommandsAsync(string databasePath, Func<PlanManagerDbContext, Task> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var capture = new Capture();
        var options = new DbContextOptionsBuilder<SqlitePlanManagerDbContext>()
            .UseSqlite($"Data Source={databasePath}").AddInterceptors(capture).Options;
        await using var db = new SqlitePlanManagerDbContext(options);
        await run(db);
        return capture.Commands;
    }

    /// <summary>The lines of the plan (the detail column), e.g. "SEARCH j USING COVERING INDEX ..." or "USE TEMP B-TREE FOR ORDER BY".</summary>
    public static async Task<List<string>> ExplainAsync(string databasePath, Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }
}
