using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PlanManager.Web.Data;
using PlanManager.Web.Data.Demo;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure;

namespace PlanManager.Bench;

/// <summary>
/// Fills an empty SQLite database with a realistic bodyshop history for the benchmarks (bench/run.sh):
/// 50 repairers, 20,000 third parties and N jobs spread over ten years with their log lines and photo
/// metadata, about 3% of the cars marked inside, and the parties' name words. Raw prepared inserts in large transactions: a
/// million jobs take minutes, not hours. Search keys are filled with <see cref="SearchKey"/>, as the app does.
/// </summary>
internal static partial class BenchDataGenerator
{
    public const int RepairerCount = 50;
    public const int ThirdPartyCount = 20_000;
    public const int InsurerCount = 100;
    public const int AgentCount = 200;
    public const int Years = 10;

    /// <summary>Share of jobs whose car is marked inside (recent repairs plus finished cars left "in").</summary>
    public const double VehicleInShare = 0.03;

    private const int JobsPerTransaction = 50_000;

    public static async Task<int> GenerateAsync(PlanManagerDbContext db, int jobCount, DateTimeOffset now, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(logger);
        if (!db.Database.IsSqlite())
        {
            LogRefused(logger, "the bench data generator writes SQLite only");
            return 2;
        }

        if (await db.Repairers.AnyAsync(cancellationToken) || await db.Jobs.AnyAsync(cancellationToken))
        {
            LogRefused(logger, "the database already has repairers or jobs; generate into a new database file");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000; PRAGMA temp_store = MEMORY;", cancellationToken);

            var random = new Random(9);
            var repairers = await InsertRepairersAsync(connection, random, now, cancellationToken);
            var parties = await InsertThirdPartiesAsync(connection, random, now, cancellationToken);
            var counts = await InsertJobsAsync(connection, random, jobCount, now, repairers, parties, logger, watch, cancellationToken);
            await ExecuteAsync(connection, "PRAGMA synchronous = NORMAL; PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
            LogDone(logger, jobCount, counts.Log, counts.Photos, counts.Inside, watch.Elapsed.TotalSeconds);
            return 0;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record Parties(int[] Owners, int[] Insurers, int[] Agents);

    private sealed record RepairerRow(int Id, string Country);

    private readonly record struct Counts(long Log, long Photos, long Inside);

    private static async Task<List<RepairerRow>> InsertRepairersAsync(SqliteConnection connection, Random random, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO Repairers (Name, Street, PostalCode, City, Country, Phone, Email, VatNumber, ExternalReference, CreatedAt, UpdatedAt)
            VALUES ($name, $street, $postal, $city, $country, $phone, $email, $vat, $ext, $at, $at) RETURNING Id;
            """;
        var p = Parameters(command, "$name", "$street", "$postal", "$city", "$country", "$phone", "$email", "$vat", "$ext", "$at");
        var rows = new List<RepairerRow>();
        for (var i = 1; i <= RepairerCount; i++)
        {
            // Three in five Belgian (with an Informex mailbox, so Claims360 can be set up), one Dutch, one British.
            var country = (i % 5) switch { 3 => "NL", 4 => "GB", _ => "BE" };
            var city = Pick(random, DemoCatalog.Cities);
            var name = string.Create(CultureInfo.InvariantCulture, $"Carrosserie {Pick(random, DemoCatalog.LastNames)} {city} {i:00}");
            var ext = country == "BE" ? string.Create(CultureInfo.InvariantCulture, $"0{400_000_000 + (i * 7919)}") : null;
            Set(p, name, $"Industrieweg {i}", "9000", city, country, "+32 9 222 33 44", $"planning{i}@bench.example", ext is null ? null : "BE" + ext, ext, now.UtcTicks);
            var id = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            rows.Add(new RepairerRow(id, country));
        }

        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    private static async Task<Parties> InsertThirdPartiesAsync(SqliteConnection connection, Random random, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO ThirdParties (Kind, Name, NameKey, City, Phone, CapsCode, CreatedAt, UpdatedAt)
            VALUES ($kind, $name, $key, $city, $phone, $caps, $at, $at) RETURNING Id;
            """;
        var p = Parameters(command, "$kind", "$name", "$key", "$city", "$phone", "$caps", "$at");
        // The customer search's name words, as PartyNameWordsNotice writes them in the app (decision 0023).
        await using var wordCommand = connection.CreateCommand();
        wordCommand.Transaction = transaction;
        wordCommand.CommandText = "INSERT INTO ThirdPartyNameWords (ThirdPartyId, Word) VALUES ($party, $word);";
        var w = Parameters(wordCommand, "$party", "$word");
        var owners = new List<int>();
        var insurers = new List<int>();
        var agents = new List<int>();
        for (var i = 0; i < ThirdPartyCount; i++)
        {
            ThirdPartyKind kind;
            string name;
            string? caps = null;
            if (i < InsurerCount)
            {
                kind = ThirdPartyKind.Insurer;
                name = i < DemoCatalog.Insurers.Length ? DemoCatalog.Insurers[i] : string.Create(CultureInfo.InvariantCulture, $"{Pick(random, DemoCatalog.LastNames)} Insurance {i:000}");
                // A quarter of the insurers work with CAPS (the CAPS relay scenario needs jobs it may push).
                caps = i < DemoCatalog.Insurers.Length ? DemoCatalog.CapsCodes.GetValueOrDefault(name) : i % 4 == 0 ? string.Create(CultureInfo.InvariantCulture, $"BENCH{i:000}") : null;
            }
            else if (i < InsurerCount + AgentCount)
            {
                kind = ThirdPartyKind.Agent;
                name = string.Create(CultureInfo.InvariantCulture, $"Bureau {Pick(random, DemoCatalog.LastNames)} {i:000}");
            }
            else
            {
                kind = ThirdPartyKind.Owner;
                name = $"{Pick(random, DemoCatalog.FirstNames)} {Pick(random, DemoCatalog.LastNames)}";
            }

            var phone = string.Create(CultureInfo.InvariantCulture, $"+32 4{random.Next(70, 99)} {random.Next(10, 99)} {random.Next(10, 99)} {random.Next(10, 99)}");
            Set(p, (int)kind, name, SearchKey.Normalize(name), Pick(random, DemoCatalog.Cities), phone, caps, now.UtcTicks);
            var id = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            (kind switch { ThirdPartyKind.Insurer => insurers, ThirdPartyKind.Agent => agents, _ => owners }).Add(id);
            foreach (var word in SearchKey.NameWords(name))
            {
                Set(w, id, word);
                await wordCommand.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new Parties([.. owners], [.. insurers], [.. agents]);
    }

    private static async Task<Counts> InsertJobsAsync(
        SqliteConnection connection, Random random, int jobCount, DateTimeOffset now, List<RepairerRow> repairers, Parties parties,
        ILogger logger, Stopwatch watch, CancellationToken cancellationToken)
    {
        await using var jobCommand = connection.CreateCommand();
        jobCommand.CommandText = """
            INSERT INTO Jobs (Id, Number, RepairerId, Registration, RegistrationKey, Make, Model, Type, Vin, Colour, StartDate, EndDate,
                MileageAtEstimate, EstimatedCompletionDate, FirstRegistration, OffSiteDate, VehicleIn, VehicleInSince, ArrivedAt, CommentsDamage,
                DamageFlow, CurrentTask, Status, ClaimNumber, ClaimNumberKey, OwnerId, InsurerId, AgentId, Source, CreatedAt, UpdatedAt, ConcurrencyStamp)
            VALUES ($id, $id, $repairer, $reg, $regKey, $make, $model, $type, $vin, $colour, $start, $end,
                $mileage, $completion, $firstReg, $offSite, $in, $inSince, $arrived, $damage,
                $flow, $task, $status, $claim, $claimKey, $owner, $insurer, $agent, $source, $created, $updated, $stamp);
            """;
        var j = Parameters(jobCommand, "$id", "$repairer", "$reg", "$regKey", "$make", "$model", "$type", "$vin", "$colour", "$start", "$end",
            "$mileage", "$completion", "$firstReg", "$offSite", "$in", "$inSince", "$arrived", "$damage",
            "$flow", "$task", "$status", "$claim", "$claimKey", "$owner", "$insurer", "$agent", "$source", "$created", "$updated", "$stamp");

        await using var logCommand = connection.CreateCommand();
        logCommand.CommandText = """
            INSERT INTO JobLog (JobId, At, UserName, Platform, Level, MessageKey, Detail)
            VALUES ($job, $at, $user, $platform, $level, $key, $detail);
            """;
        var l = Parameters(logCommand, "$job", "$at", "$user", "$platform", "$level", "$key", "$detail");

        await using var photoCommand = connection.CreateCommand();
        photoCommand.CommandText = """
            INSERT INTO JobPhotos (JobId, StoredName, ThumbnailName, OriginalFileName, Format, SizeBytes, Width, Height, Source, UploadedAt, UploadedBy)
            VALUES ($job, $stored, $thumb, $original, $format, $size, $width, $height, $source, $at, $user);
            """;
        var ph = Parameters(photoCommand, "$job", "$stored", "$thumb", "$original", "$format", "$size", "$width", "$height", "$source", "$at", "$user");

        var statuses = Enum.GetValues<JobStatus>();
        var start = now.AddYears(-Years);
        var span = (now - start).Ticks;
        var users = new[] { "anna@bench.example", "bert@bench.example", "chris@bench.example", "dana@bench.example" };
        long logCount = 0, photoCount = 0, insideCount = 0;
        SqliteTransaction? transaction = null;
        try
        {
            for (var id = 1; id <= jobCount; id++)
            {
                if ((id - 1) % JobsPerTransaction == 0)
                {
                    if (transaction is not null)
                    {
                        await transaction.CommitAsync(cancellationToken);
                        await transaction.DisposeAsync();
                        LogProgress(logger, id - 1, jobCount, watch.Elapsed.TotalSeconds);
                    }

                    transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                    jobCommand.Transaction = transaction;
                    logCommand.Transaction = transaction;
                    photoCommand.Transaction = transaction;
                }

                // Numbers follow the opening date, as in real life; the dates spread evenly over the years.
                var created = start.AddTicks((long)(((id - 1) + random.NextDouble()) * span / jobCount));
                var age = (now - created).TotalDays;
                var inside = random.NextDouble() < VehicleInShare;
                JobStatus status;
                if (inside)
                {
                    // Recent cars inside are being repaired; older ones are finished cars nobody marked off site.
                    status = age < 60 ? statuses[random.Next(3, 6)] : statuses[random.Next(6, 9)];
                }
                else
                {
                    status = age < 30 ? statuses[random.Next(0, 6)] : age < 90 ? statuses[random.Next(3, 10)] : statuses[random.Next(6, 10)];
                    if (status is JobStatus.Approved or JobStatus.InRepair or JobStatus.Ready)
                    {
                        status = JobStatus.Delivered;
                    }
                }

                var repairer = repairers[random.Next(repairers.Count)];
                var (make, model) = Pick(random, DemoCatalog.Vehicles);
                var registration = DemoCatalog.Plate(random, repairer.Country);
                var claim = random.Next(5) == 0 ? null
                    : random.Next(2) == 0
                        ? string.Create(CultureInfo.InvariantCulture, $"{random.Next(10, 99)}/{random.Next(100000, 999999)}")
                        : string.Create(CultureInfo.InvariantCulture, $"CLM-{random.Next(1000000, 9999999)}");
                var claimKey = SearchKey.Normalize(claim);
                DateTimeOffset? offSite = !inside && status.IsFinished() ? created.AddDays(random.Next(5, 25)) : null;
                var finished = status.IsFinished();
                var updated = finished ? created.AddDays(random.Next(5, 40)) : created.AddDays(random.Next(0, 5));
                if (updated > now)
                {
                    updated = now;
                }

                Set(j,
                    id,
                    repairer.Id,
                    registration,
                    SearchKey.Normalize(registration),
                    make,
                    model,
                    Pick(random, DemoCatalog.BodyTypes),
                    DemoCatalog.Vin(random),
                    Pick(random, DemoCatalog.Colours),
                    Date(created),
                    finished ? Date(created.AddDays(random.Next(3, 21))) : null,
                    random.Next(5_000, 220_000),
                    Date(created.AddDays(random.Next(3, 21))),
                    Date(created.AddYears(-random.Next(1, 12))),
                    offSite?.UtcTicks,
                    inside ? 1 : 0,
                    inside ? created.AddDays(1).UtcTicks : null,
                    // Keys to keys (R1): the car came in 2 to 14 days before it left (from the id, so the random sequence stays as it was).
                    inside ? created.AddDays(1).UtcTicks : offSite is { } left ? Max(created, left.AddDays(-(2 + (id % 13)))).UtcTicks : null,
                    Pick(random, DemoCatalog.Damages),
                    random.Next(4) == 0 ? (int)DamageFlow.Private : (int)DamageFlow.Insurance,
                    status == JobStatus.InRepair ? Pick(random, DemoCatalog.Tasks) : null,
                    (int)status,
                    claim,
                    claimKey.Length == 0 ? null : claimKey,
                    parties.Owners[random.Next(parties.Owners.Length)],
                    random.Next(6) == 0 ? null : parties.Insurers[random.Next(parties.Insurers.Length)],
                    random.Next(4) == 0 ? parties.Agents[random.Next(parties.Agents.Length)] : null,
                    random.Next(10) == 0 ? (int)JobSource.Claims360 : (int)JobSource.Staff,
                    created.UtcTicks,
                    updated.UtcTicks,
                    Guid.NewGuid().ToString().ToUpperInvariant());
                await jobCommand.ExecuteNonQueryAsync(cancellationToken);
                if (inside)
                {
                    insideCount++;
                }

                // The log: created, then one line per step of the status, a vehicle-in line, sometimes a CAPS push.
                var user = users[random.Next(users.Length)];
                Set(l, id, created.UtcTicks, user, (int)LogPlatform.None, (int)LogLevelKind.Info, JobLogMessages.Created, id.ToString(CultureInfo.InvariantCulture));
                await logCommand.ExecuteNonQueryAsync(cancellationToken);
                logCount++;
                var steps = Math.Min((int)status, 4);
                for (var s = 1; s <= steps; s++)
                {
                    var at = created.AddHours(s * 20);
                    Set(l, id, (at > now ? now : at).UtcTicks, user, (int)LogPlatform.None, (int)LogLevelKind.Info, JobLogMessages.StatusChanged, $"{statuses[s - 1]}|{statuses[s]}");
                    await logCommand.ExecuteNonQueryAsync(cancellationToken);
                    logCount++;
                }

                if (random.Next(8) == 0)
                {
                    // The same "operation|outcome|detail" the connector gateway writes.
                    var failed = random.Next(10) == 0;
                    Set(l, id, created.AddHours(2).UtcTicks, JobLogWriter.System, (int)LogPlatform.Caps, (int)(failed ? LogLevelKind.Error : LogLevelKind.Info),
                        JobLogMessages.ConnectorCall, failed ? "PUT job|ServerError|HTTP 503" : "PUT job|Ok|");
                    await logCommand.ExecuteNonQueryAsync(cancellationToken);
                    logCount++;
                }

                // Photo metadata (the files themselves are not part of the benchmark): a third of the jobs have 1 to 4.
                if (random.Next(3) == 0)
                {
                    var photos = random.Next(1, 5);
                    for (var n = 0; n < photos; n++)
                    {
                        var stored = Guid.NewGuid().ToString("N");
                        Set(ph, id, stored + ".jpg", stored + "-thumb.jpg", string.Create(CultureInfo.InvariantCulture, $"IMG_{random.Next(1000, 9999)}.jpg"),
                            (int)PhotoFormat.Jpeg, random.Next(1_500_000, 6_000_000), 4032, 3024, (int)PhotoSource.Staff, created.AddHours(1 + n).UtcTicks, user);
                        await photoCommand.ExecuteNonQueryAsync(cancellationToken);
                        photoCount++;
                    }
                }
            }

            await using (var counter = connection.CreateCommand())
            {
                counter.Transaction = transaction;
                // The jobs bypass the app, so the Reports page's totals are counted again at the app's next start (decision 0021).
                counter.CommandText = "UPDATE JobNumberCounters SET LastValue = $last WHERE Name = $name; UPDATE JobNumberCounters SET LastValue = 0 WHERE Name = 'ReportTotals';";
                counter.Parameters.AddWithValue("$last", jobCount);
                counter.Parameters.AddWithValue("$name", JobNumberCounter.JobsName);
                await counter.ExecuteNonQueryAsync(cancellationToken);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }

        return new Counts(logCount, photoCount, insideCount);
    }

    private static string Date(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteParameter[] Parameters(SqliteCommand command, params string[] names)
    {
        var parameters = names.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        command.Prepare();
        return parameters;
    }

    private static void Set(SqliteParameter[] parameters, params object?[] values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    [LoggerMessage(Level = LogLevel.Error, Message = "Bench data not generated: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bench data: {Done} of {Total} jobs after {Seconds:F1} s")]
    private static partial void LogProgress(ILogger logger, int done, int total, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bench data generated: {Jobs} jobs, {Log} log lines, {Photos} photos, {Inside} cars inside, in {Seconds:F1} s")]
    private static partial void LogDone(ILogger logger, int jobs, long log, long photos, long inside, double seconds);
}
