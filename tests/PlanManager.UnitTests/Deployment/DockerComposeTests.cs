using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace PlanManager.UnitTests.Deployment;

/// <summary>
/// docker-compose.yml (SQL Server, the default) and docker-compose.postgres.yml (the same stack on
/// PostgreSQL) cannot be run here (no Docker engine), so their promises are checked by reading them.
/// </summary>
public sealed partial class DockerComposeTests
{
    public static TheoryData<string> Files => new() { "docker-compose.yml", "docker-compose.postgres.yml" };

    /// <summary>The database service and the Database__Provider each file runs.</summary>
    private static (string Database, string Provider) Expected(string file) =>
        file == "docker-compose.yml" ? ("sqlserver", "SqlServer") : ("postgres", "PostgreSql");

    private static Dictionary<string, object> Services(string file) => ToMap(Load(file)["services"]);

    private static Dictionary<string, object> Load(string file)
    {
        var path = Path.Combine(RepositoryRoot(), file);
        using var reader = new StreamReader(path);
        // MergingParser resolves the "<<: *app" anchors the file uses, as Docker Compose does.
        var parser = new MergingParser(new Parser(reader));
        return ToMap(new DeserializerBuilder().Build().Deserialize(parser)!);
    }

    [Fact]
    public void The_default_runs_sql_server_and_the_second_file_postgresql()
    {
        Assert.StartsWith("mcr.microsoft.com/mssql/server:2022", (string)ToMap(Services("docker-compose.yml")["sqlserver"])["image"], StringComparison.Ordinal);
        Assert.StartsWith("postgres:15", (string)ToMap(Services("docker-compose.postgres.yml")["postgres"])["image"], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void It_runs_the_database_a_migration_step_two_web_nodes_a_worker_and_a_proxy(string file)
    {
        var (database, provider) = Expected(file);
        var services = Services(file);
        Assert.Equal(new[] { "migrate", "proxy", database, "web-1", "web-2", "worker" }.Order(StringComparer.Ordinal),
            services.Keys.Order(StringComparer.Ordinal));
        var migrate = ToMap(services["migrate"]);
        Assert.Contains("--migrate-only", ToList(migrate["command"]));
        Assert.Equal(provider, ToMap(migrate["environment"])["Database__Provider"]);
        Assert.True(ToMap(migrate["depends_on"]).ContainsKey(database));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_long_running_service_has_a_health_check_and_a_restart_policy(string file)
    {
        var database = Expected(file).Database;
        foreach (var name in new[] { database, "web-1", "web-2", "worker", "proxy" })
        {
            var service = ToMap(Services(file)[name]);
            Assert.True(service.ContainsKey("healthcheck"), $"{name} has no healthcheck in {file}");
            Assert.NotEmpty(ToList(ToMap(service["healthcheck"])["test"]));
            Assert.Equal("unless-stopped", service["restart"]);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Only_the_worker_runs_background_jobs_and_no_node_migrates_at_start(string file)
    {
        var provider = Expected(file).Provider;
        foreach (var name in new[] { "web-1", "web-2", "worker" })
        {
            var service = ToMap(Services(file)[name]);
            var env = ToMap(service["environment"]);
            Assert.Equal(name == "worker" ? "true" : "false", env["BackgroundJobs__RunServer"]);
            Assert.Equal("false", env["Database__MigrateOnStart"]);
            Assert.Equal(provider, env["Database__Provider"]);
            Assert.Equal("/data/photos", env["Photos__Folder"]);
            Assert.Contains("photos:/data/photos", ToList(service["volumes"]));
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void No_secret_is_written_in_the_file(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), file));
        foreach (Match match in Assignment().Matches(text))
        {
            var value = match.Groups["value"].Value.Trim().Trim('"');
            Assert.True(value.StartsWith("${", StringComparison.Ordinal) || value.StartsWith("\\\"$$", StringComparison.Ordinal) || value.Length == 0,
                $"'{match.Groups["key"].Value}' has a literal value in {file}");
        }

        foreach (Match password in ConnectionPassword().Matches(text))
        {
            Assert.StartsWith("${", password.Groups["value"].Value, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_sandbox_and_demo_data_are_off(string file)
    {
        foreach (var name in new[] { "migrate", "web-1", "web-2", "worker" })
        {
            var env = ToMap(ToMap(Services(file)[name])["environment"]);
            Assert.Equal("false", env["Sandbox__Enabled"]);
            Assert.Equal("false", env["Demo__Seed"]);
        }
    }

    [Fact]
    public void The_nodes_use_a_least_privilege_login_and_only_the_migrate_step_the_owner()
    {
        foreach (var name in new[] { "web-1", "web-2", "worker" })
        {
            var env = ToMap(ToMap(Services("docker-compose.yml")[name])["environment"]);
            var connection = (string)env["Database__ConnectionString"];
            Assert.DoesNotContain("User Id=sa;", connection, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("User Id=${APP_SQL_LOGIN", connection, StringComparison.Ordinal);
            Assert.Equal("false", env["BackgroundJobs__PrepareSchema"]);
        }

        var migrate = ToMap(ToMap(Services("docker-compose.yml")["migrate"])["environment"]);
        Assert.Contains("User Id=sa;", (string)migrate["Database__ConnectionString"], StringComparison.Ordinal);
        Assert.StartsWith("${APP_SQL_LOGIN", (string)migrate["Database__AppLogin__Name"], StringComparison.Ordinal);
        Assert.StartsWith("${APP_SQL_PASSWORD", (string)migrate["Database__AppLogin__Password"], StringComparison.Ordinal);
    }

    [Fact]
    public void No_connection_trusts_any_server_certificate_by_default()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docker-compose.yml"));
        Assert.DoesNotContain("TrustServerCertificate=True", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("TrustServerCertificate=${SQL_TRUST_SERVER_CERTIFICATE:-False}", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docker-compose.yml", "migrate")]
    [InlineData("docker-compose.yml", "web-1")]
    [InlineData("docker-compose.yml", "web-2")]
    [InlineData("docker-compose.yml", "worker")]
    [InlineData("docker-compose.postgres.yml", "migrate")]
    [InlineData("docker-compose.postgres.yml", "web-1")]
    [InlineData("docker-compose.postgres.yml", "worker")]
    public void Every_app_service_reads_the_key_ring_certificate_from_a_secret_file(string file, string name)
    {
        var service = ToMap(Services(file)[name]);
        var env = ToMap(service["environment"]);
        Assert.Equal("/run/secrets/keyring.pfx", env["DataProtection__CertificatePath"]);
        Assert.StartsWith("${", (string)env["DataProtection__CertificatePassword"], StringComparison.Ordinal);
        Assert.Contains(((IEnumerable<object>)service["secrets"]).Select(ToMap), s => (string)s["source"] == "keyring" && (string)s["target"] == "keyring.pfx");
        Assert.Equal("./deploy/secrets/keyring.pfx", ToMap(ToMap(Load(file)["secrets"])["keyring"])["file"]);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void The_proxy_serves_https_with_the_mounted_certificates(string file)
    {
        var proxy = ToMap(Services(file)["proxy"]);
        Assert.Contains(ToList(proxy["ports"]), p => p.EndsWith(":443", StringComparison.Ordinal));
        Assert.Contains("./deploy/certs:/etc/nginx/certs:ro", ToList(proxy["volumes"]));
    }

    private static Dictionary<string, object> ToMap(object node) =>
        ((IDictionary<object, object>)node).ToDictionary(p => (string)p.Key, p => p.Value);

    private static List<string> ToList(object node) => ((IEnumerable<object>)node).Select(o => o.ToString()!).ToList();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PlanManager.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PlanManager.sln not found");
    }

    // [ \t], not \s: a key with a block under it ("secrets:") has no value on its own line.
    [GeneratedRegex(@"^[ \t]*(?<key>[A-Za-z0-9_]*(PASSWORD|SECRET|TOKEN|APIKEY|API_KEY)[A-Za-z0-9_]*)[ \t]*:[ \t]*(?<value>.+)$",
        RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"Password=(?<value>[^;""]+)")]
    private static partial Regex ConnectionPassword();
}
