using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace PlanManager.UnitTests.Deployment;

/// <summary>docker-compose.yml cannot be run here (no Docker engine), so its promises are checked by reading it.</summary>
public sealed partial class DockerComposeTests
{
    private static readonly Dictionary<string, object> Compose = Load();

    private static Dictionary<string, object> Services => ToMap(Compose["services"]);

    private static Dictionary<string, object> Load()
    {
        var path = Path.Combine(RepositoryRoot(), "docker-compose.yml");
        using var reader = new StreamReader(path);
        // MergingParser resolves the "<<: *app" anchors the file uses, as Docker Compose does.
        var parser = new MergingParser(new Parser(reader));
        return ToMap(new DeserializerBuilder().Build().Deserialize(parser)!);
    }

    [Fact]
    public void It_runs_sql_server_a_migration_step_two_web_nodes_a_worker_and_a_proxy()
    {
        Assert.Equal(["migrate", "proxy", "sqlserver", "web-1", "web-2", "worker"], Services.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("mcr.microsoft.com/mssql/server:2022", (string)ToMap(Services["sqlserver"])["image"], StringComparison.Ordinal);
        Assert.Contains("--migrate-only", ToList(ToMap(Services["migrate"])["command"]));
    }

    [Theory]
    [InlineData("sqlserver")]
    [InlineData("web-1")]
    [InlineData("web-2")]
    [InlineData("worker")]
    [InlineData("proxy")]
    public void Every_long_running_service_has_a_health_check_and_a_restart_policy(string name)
    {
        var service = ToMap(Services[name]);
        Assert.True(service.ContainsKey("healthcheck"), $"{name} has no healthcheck");
        Assert.NotEmpty(ToList(ToMap(service["healthcheck"])["test"]));
        Assert.Equal("unless-stopped", service["restart"]);
    }

    [Fact]
    public void Only_the_worker_runs_background_jobs_and_no_node_migrates_at_start()
    {
        foreach (var name in new[] { "web-1", "web-2", "worker" })
        {
            var env = ToMap(ToMap(Services[name])["environment"]);
            Assert.Equal(name == "worker" ? "true" : "false", env["BackgroundJobs__RunServer"]);
            Assert.Equal("false", env["Database__MigrateOnStart"]);
            Assert.Equal("SqlServer", env["Database__Provider"]);
            Assert.Equal("/data/photos", env["Photos__Folder"]);
            Assert.Contains("photos:/data/photos", ToList(ToMap(Services[name])["volumes"]));
        }
    }

    [Fact]
    public void No_secret_is_written_in_the_file()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "docker-compose.yml"));
        foreach (Match match in Assignment().Matches(text))
        {
            var value = match.Groups["value"].Value.Trim().Trim('"');
            Assert.True(value.StartsWith("${", StringComparison.Ordinal) || value.StartsWith("\\\"$$", StringComparison.Ordinal) || value.Length == 0,
                $"'{match.Groups["key"].Value}' has a literal value in docker-compose.yml");
        }

        foreach (Match password in ConnectionPassword().Matches(text))
        {
            Assert.StartsWith("${", password.Groups["value"].Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_sandbox_and_demo_data_are_off()
    {
        foreach (var name in new[] { "migrate", "web-1", "web-2", "worker" })
        {
            var env = ToMap(ToMap(Services[name])["environment"]);
            Assert.Equal("false", env["Sandbox__Enabled"]);
            Assert.Equal("false", env["Demo__Seed"]);
        }
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

    [GeneratedRegex(@"^\s*(?<key>[A-Za-z0-9_]*(PASSWORD|SECRET|TOKEN|APIKEY|API_KEY)[A-Za-z0-9_]*)\s*:\s*(?<value>.+)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"Password=(?<value>[^;""]+)")]
    private static partial Regex ConnectionPassword();
}
