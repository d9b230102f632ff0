using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PlanManager.Web.Infrastructure;

/// <summary>
/// Calls <see cref="Changed"/> when this process writes to one of <paramref name="tables"/>: every INSERT, UPDATE or
/// DELETE EF sends, whether from a save or a bulk <c>ExecuteUpdate</c>, so no use case can forget it. Called again when
/// the transaction commits: a page read between the write and the commit still saw the old rows and must not keep them.
/// Scoped (one per unit of work): the pending commit is the unit of work's own.
/// </summary>
public abstract class TableWriteNotice(IReadOnlyList<string> tables) : DbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly string[] Writes = ["INSERT ", "UPDATE ", "DELETE ", "MERGE "];

    private bool _pending;

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Notice(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
        CancellationToken cancellationToken = default)
    {
        Notice(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Notice(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Notice(command);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed();
        return Task.CompletedTask;
    }

    /// <summary>Whether a command writes to one of the tables (a read of them is not a change).</summary>
    public bool Touches(string? sql) =>
        sql is not null && Writes.Any(w => sql.Contains(w, StringComparison.Ordinal)) && tables.Any(t => sql.Contains(t, StringComparison.Ordinal));

    /// <summary>What was read from the tables is out of date.</summary>
    protected abstract void Changed();

    private void Notice(DbCommand command)
    {
        if (Touches(command.CommandText))
        {
            Changed();
            _pending |= command.Transaction is not null;
        }
    }

    private void Committed()
    {
        if (_pending)
        {
            _pending = false;
            Changed();
        }
    }
}
