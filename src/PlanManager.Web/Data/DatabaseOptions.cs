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

    /// <summary>
    /// SQL Server: the nodes' own login, which the migrate step (connected as the owner) creates or
    /// updates with read/write roles only. Empty: the migrate step leaves logins alone.
    /// </summary>
    public AppLoginOptions AppLogin { get; set; } = new();
}

public sealed partial class AppLoginOptions
{
    public string? Name { get; set; }

    public string? Password { get; set; }

    /// <summary>A plain name (never "sa" or another built-in) and a password SQL Server can quote (128 characters at most).</summary>
    public bool IsValid => string.IsNullOrEmpty(Name)
        || (PlainName().IsMatch(Name) && !Name.Equals("sa", StringComparison.OrdinalIgnoreCase) && !Name.Equals("dbo", StringComparison.OrdinalIgnoreCase)
            && Password is { Length: > 0 and <= 128 });

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial System.Text.RegularExpressions.Regex PlainName();
}

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Creates demo users and data on an empty database. Refused in production.</summary>
    public bool Seed { get; set; }

    [Range(0, 100_000)]
    public int Jobs { get; set; } = 300;
}
