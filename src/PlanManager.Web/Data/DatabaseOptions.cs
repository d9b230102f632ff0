using System.ComponentModel.DataAnnotations;

namespace PlanManager.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, defaults to a file under App_Data beside the app.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations at start-up (the embedded default; production runs them as one step instead).</summary>
    public bool MigrateOnStart { get; set; } = true;
}

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Creates demo users and data on an empty database. Refused in production.</summary>
    public bool Seed { get; set; }

    [Range(0, 100_000)]
    public int Jobs { get; set; } = 300;
}
