using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using PlanManager.Web.Data;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Features.ThirdParties;

/// <summary>
/// Writes the name words of parties that have none (decision 0023): every party saved before the words existed, once,
/// when the migrations run (at start-up, or in the <c>--migrate-only</c> step of a cluster). Parties are read in batches
/// by id and their words inserted with plain multi-row INSERTs (500,000 parties: about 25 s on SQLite, decision 0023).
/// </summary>
public static partial class PartyNameWordsBackfill
{
    private const int PartiesPerBatch = 5_000;

    /// <summary>Rows per INSERT: two parameters each, well under SQL Server's 2,100.</summary>
    private const int RowsPerInsert = 500;

    public static async Task<int> RunAsync(PlanManagerDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(logger);
        var watch = Stopwatch.StartNew();
        var insert = InsertHead(db);
        var filled = 0;
        var lastId = 0;
        while (true)
        {
            var from = lastId;
            var batch = await db.ThirdParties.AsNoTracking()
                .Where(t => t.Id > from && !db.ThirdPartyNameWords.Any(w => w.ThirdPartyId == t.Id))
                .OrderBy(t => t.Id)
                .Select(t => new { t.Id, t.Name })
                .Take(PartiesPerBatch)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            lastId = batch[^1].Id;
            var rows = batch.SelectMany(p => SearchKey.NameWords(p.Name).Select(w => (p.Id, Word: w))).ToList();
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                foreach (var chunk in rows.Chunk(RowsPerInsert))
                {
                    await InsertAsync(db, insert, chunk, cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            });
            filled += batch.Count;
        }

        if (filled > 0)
        {
            LogFilled(logger, filled, watch.Elapsed.TotalSeconds);
        }

        return filled;
    }

    /// <summary>"INSERT INTO table (ThirdPartyId, Word) VALUES " with the names and quotes of the provider.</summary>
    private static string InsertHead(PlanManagerDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(ThirdPartyNameWord))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        return $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({Column(nameof(ThirdPartyNameWord.ThirdPartyId))}, "
            + $"{Column(nameof(ThirdPartyNameWord.Word))}) VALUES ";
    }

    private static Task<int> InsertAsync(PlanManagerDbContext db, string insert, (int Id, string Word)[] rows, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder(insert);
        var values = new object[rows.Length * 2];
        for (var i = 0; i < rows.Length; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}({{{i * 2}}}, {{{(i * 2) + 1}}})");
            values[i * 2] = rows[i].Id;
            values[(i * 2) + 1] = rows[i].Word;
        }

        return db.Database.ExecuteSqlRawAsync(sql.ToString(), values, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer search: name words written for {Parties} parties in {Seconds:F1} s")]
    private static partial void LogFilled(ILogger logger, int parties, double seconds);
}
