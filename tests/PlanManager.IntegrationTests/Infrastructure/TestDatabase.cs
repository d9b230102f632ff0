using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Npgsql;
using PlanManager.Web.Data;

namespace PlanManager.IntegrationTests.Infrastructure;

/// <summary>
/// A database that several test hosts (nodes) share: a SQLite file, or a fresh database on the
/// PostgreSQL server named by PLANMANAGER_TEST_POSTGRES (CI starts one). The app's migrations
/// create it on the first node's start; disposing drops it.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "PLANMANAGER_TEST_POSTGRES";
    public const string RequirePostgresVariable = "PLANMANAGER_REQUIRE_POSTGRES";

    private readonly string? _folder;
    private readonly Lock _keyRingGate = new();

    private TestDatabase(DatabaseProvider provider, string connectionString, string? folder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The server's connection string (any database), or null where none is configured.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>CI sets PLANMANAGER_REQUIRE_POSTGRES=1: there a missing server fails the PostgreSQL tests instead of skipping them.</summary>
    public static bool PostgresRequired => Environment.GetEnvironmentVariable(RequirePostgresVariable) == "1";

    public static TestDatabase NewSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "planmanager-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "planmanager.db")}", folder);
    }

    public static TestDatabase NewPostgreSql()
    {
        var server = PostgresServer ?? throw new InvalidOperationException(
            $"PostgreSQL is required ({RequirePostgresVariable}=1) but {PostgresVariable} is not set; .ci/run starts a server and sets it.");
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = "pm_test_" + Guid.NewGuid().ToString("N") };
        var folder = Path.Combine(Path.GetTempPath(), "planmanager-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new TestDatabase(DatabaseProvider.PostgreSql, builder.ConnectionString, folder);
    }

    /// <summary>
    /// A server database outside Development needs the key ring's certificate outside it (issue 16):
    /// every node on this database gets the same one, as the nodes of a real cluster do. Null on SQLite,
    /// where the app makes its own beside the file.
    /// </summary>
    public string? KeyRingCertificatePath
    {
        get
        {
            if (Provider == DatabaseProvider.Sqlite)
            {
                return null;
            }

            var path = Path.Combine(_folder!, "keyring.pfx");
            lock (_keyRingGate)
            {
                if (!File.Exists(path))
                {
                    using var rsa = RSA.Create(2048);
                    var request = new CertificateRequest("CN=PlanManager test key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                    using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
                    File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));
                }
            }

            return path;
        }
    }

    public static TestDatabase New(DatabaseProvider provider) => provider == DatabaseProvider.PostgreSql ? NewPostgreSql() : NewSqlite();

    public void Dispose()
    {
        if (Provider == DatabaseProvider.PostgreSql)
        {
            DropPostgresDatabase();
            try
            {
                Directory.Delete(_folder!, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder!, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open on a slow machine is left for the OS to clean.
            }
        }
    }

    private void DropPostgresDatabase()
    {
        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var name = builder.Database!;
        builder.Database = "postgres";
        builder.Pooling = false;
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // The name is ours (a guid), never user input; FORCE ends connections a host left open.
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// A test on PostgreSQL. Without PLANMANAGER_TEST_POSTGRES it reports itself skipped with the
/// reason, except where PLANMANAGER_REQUIRE_POSTGRES=1 (CI): there it runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresServer is null && !TestDatabase.PostgresRequired)
        {
            Skip = $"No PostgreSQL server: set {TestDatabase.PostgresVariable} to a connection string (e.g. Host=127.0.0.1;Port=55432;Username=postgres), "
                + $"or {TestDatabase.RequirePostgresVariable}=1 to make this a failure. .ci/run starts one.";
        }
    }
}
