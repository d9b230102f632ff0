using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using PlanManager.Web;
using PlanManager.Web.Domain;

namespace PlanManager.UnitTests.Resources;

/// <summary>Every text the app shows exists in English, Dutch and French (X2).</summary>
public sealed partial class TranslationTests
{
    private static readonly ResourceManager Manager = new("PlanManager.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static Dictionary<string, string> Texts(string culture)
    {
        var set = Manager.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for '{culture}'");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("fr")]
    public void Every_english_text_has_a_translation(string culture)
    {
        var english = Texts(CultureInfo.InvariantCulture.Name);
        var translated = Texts(culture);

        var missing = english.Keys.Where(k => !translated.TryGetValue(k, out var v) || string.IsNullOrWhiteSpace(v)).Order().ToList();
        Assert.Empty(missing);
        var extra = translated.Keys.Except(english.Keys).Order().ToList();
        Assert.Empty(extra);
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("fr")]
    public void Translations_keep_the_placeholders_of_the_english_text(string culture)
    {
        var english = Texts(CultureInfo.InvariantCulture.Name);
        var translated = Texts(culture);
        var broken = english.Where(e => translated.ContainsKey(e.Key) && !Placeholders(e.Value).SetEquals(Placeholders(translated[e.Key])))
            .Select(e => e.Key).ToList();
        Assert.Empty(broken);
    }

    [Fact]
    public void Every_key_the_code_and_views_use_exists()
    {
        var english = Texts(CultureInfo.InvariantCulture.Name);
        var source = Path.Combine(RepositoryRoot(), "src", "PlanManager.Web");
        var used = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(k => !english.ContainsKey(k)).Order());
    }

    [Fact]
    public void Every_status_source_and_damage_flow_has_a_name()
    {
        var english = Texts(CultureInfo.InvariantCulture.Name);
        var keys = Enum.GetNames<JobStatus>().Select(n => $"JobStatus.{n}")
            .Concat(Enum.GetNames<JobSource>().Select(n => $"JobSource.{n}"))
            .Concat(Enum.GetNames<DamageFlow>().Select(n => $"DamageFlow.{n}"))
            .Concat(Enum.GetNames<ThirdPartyKind>().Select(n => $"ThirdParty.Kind.{n}s"))
            .Concat(Enum.GetNames<ThirdPartyKind>().Select(n => $"ThirdParty.New.{n}"));
        var missing = keys.Where(k => !english.ContainsKey(k)).ToList();
        Assert.Empty(missing);
    }

    private static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).ToHashSet();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PlanManager.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PlanManager.sln not found above the test folder");
    }

    // T["Key"], texts["Key"], Display(Name = "Key"), and the log message constants.
    [GeneratedRegex("""(?:\bT\[|texts\[|Display\(Name = |const string \w+ = )"(?<key>[A-Z][A-Za-z0-9]*\.[A-Za-z0-9.]+)"(?:\]|,|\)|;)""")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"\{[A-Za-z0-9]+\}")]
    private static partial Regex Placeholder();
}
