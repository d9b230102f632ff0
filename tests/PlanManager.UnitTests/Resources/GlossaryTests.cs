using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PlanManager.UnitTests.Resources;

/// <summary>
/// The glossaries in docs/ against the three resx files (issue 22, item 15): each concept has one term per language,
/// one term never names two concepts, and the words a glossary says to avoid appear in no text of that language.
/// </summary>
public sealed partial class GlossaryTests
{
    private static readonly string Root = RepositoryRoot();

    public static TheoryData<string> Languages => new() { "en", "nl", "fr" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_concept_has_one_row_in_the_language_glossary(string language)
    {
        var concepts = Concepts().Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        var rows = Glossary(language).Select(t => t.Concept).ToList();

        Assert.Equal(rows.Count, rows.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(concepts, rows.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void One_term_names_one_concept(string language) =>
        None(SharedTerms(Glossary(language)));

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_texts_of_a_concept_use_its_term(string language) =>
        None(MissingTerms(Concepts(), Glossary(language), Texts(language)));

    [Theory]
    [MemberData(nameof(Languages))]
    public void No_text_uses_a_word_the_glossary_says_to_avoid(string language) =>
        None(AvoidedWords(Concepts(), Glossary(language), Texts(language)));

    [Fact]
    public void The_dutch_texts_of_before_the_glossary_are_flagged()
    {
        var concepts = Concepts();
        var dutch = Glossary("nl");
        var before = new Dictionary<string, string>(Texts("nl"), StringComparer.Ordinal)
        {
            ["Account.SignOut"] = "Afmelden",
            ["Inside.OffSite"] = "Afmelden",
            ["Job.Registration"] = "Kenteken",
            ["Informex.Claims360Active"] = "Opdrachten uit Informex komen nog binnen onder Job Queue > Informex.",
        };

        var avoided = AvoidedWords(concepts, dutch, before);

        Assert.Contains("Inside.OffSite: \"Afmelden\" (avoid afmeld* for off-site)", avoided);
        Assert.DoesNotContain(avoided, a => a.StartsWith("Account.SignOut:", StringComparison.Ordinal));
        Assert.Contains("Job.Registration: \"Kenteken\" (avoid kenteken* for registration-plate)", avoided);
        Assert.Contains(avoided, a => a.StartsWith("Informex.Claims360Active: \"Job Queue\"", StringComparison.Ordinal));
        Assert.Contains("Inside.OffSite (off-site) lacks \"buiten zetten\": Afmelden", MissingTerms(concepts, dutch, before));
        Assert.Single(SharedTerms([.. dutch, new Term("off-site-again", ["afmelden"], [])]));
    }

    // Every finding in full (Assert.Empty cuts a long list after five).
    private static void None(List<string> findings) =>
        Assert.True(findings.Count == 0, $"{findings.Count} finding(s):\n" + string.Join("\n", findings));

    private sealed record Concept(string Name, IReadOnlyList<string> Keys);

    private sealed record Term(string Concept, IReadOnlyList<string> Forms, IReadOnlyList<string> Avoid);

    private static List<string> SharedTerms(IReadOnlyList<Term> glossary) =>
        glossary.SelectMany(t => t.Forms.Select(f => (Form: f.ToLowerInvariant(), t.Concept)))
            .GroupBy(x => x.Form, StringComparer.Ordinal)
            .Where(g => g.Select(x => x.Concept).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => $"\"{g.Key}\" names {string.Join(" and ", g.Select(x => x.Concept).Distinct(StringComparer.Ordinal))}")
            .ToList();

    private static List<string> MissingTerms(IReadOnlyList<Concept> concepts, IReadOnlyList<Term> glossary, Dictionary<string, string> texts)
    {
        var missing = new List<string>();
        foreach (var concept in concepts)
        {
            var term = glossary.SingleOrDefault(t => t.Concept == concept.Name);
            foreach (var key in concept.Keys)
            {
                if (!texts.TryGetValue(key, out var text))
                {
                    missing.Add($"{key} ({concept.Name}) is not a resource key");
                }
                else if (term is not null && !term.Forms.Any(f => StartsAWord(f).IsMatch(Plain(text))))
                {
                    missing.Add($"{key} ({concept.Name}) lacks \"{term.Forms[0]}\": {text}");
                }
            }
        }

        return missing;
    }

    private static List<string> AvoidedWords(IReadOnlyList<Concept> concepts, IReadOnlyList<Term> glossary, Dictionary<string, string> texts)
    {
        var found = new List<string>();
        foreach (var term in glossary)
        {
            foreach (var word in term.Avoid)
            {
                var pattern = AvoidPattern(word);
                foreach (var (key, text) in texts.OrderBy(t => t.Key, StringComparer.Ordinal))
                {
                    found.AddRange(pattern.Matches(Plain(text))
                        .Where(m => !IsTermOfItsKey(concepts, glossary, key, m.Value))
                        .Select(m => $"{key}: \"{m.Value}\" (avoid {word} for {term.Concept})"));
                }
            }
        }

        return found;
    }

    // "Afgemeld" in a text that a sign-out key holds is sign-out's own word there, not off-site's avoided one.
    private static bool IsTermOfItsKey(IReadOnlyList<Concept> concepts, IReadOnlyList<Term> glossary, string key, string word) =>
        concepts.Where(c => c.Keys.Contains(key, StringComparer.Ordinal))
            .Any(c => glossary.Any(t => t.Concept == c.Name && t.Forms.Contains(word, StringComparer.OrdinalIgnoreCase)));

    private static Regex StartsAWord(string form) =>
        new(@"(?<![\p{L}\p{N}])" + Regex.Escape(form), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static Regex AvoidPattern(string word) =>
        word.EndsWith('*')
            ? new(@"(?<![\p{L}\p{N}])" + Regex.Escape(word.TrimEnd('*')) + @"\p{L}*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)
            : new(@"(?<![\p{L}\p{N}])" + Regex.Escape(word) + @"(?![\p{L}\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static string Plain(string text) => Liquid().Replace(text, " ");

    private static List<Concept> Concepts()
    {
        var page = File.ReadAllText(Path.Combine(Root, "docs", "glossary.md"));
        var table = page[page.IndexOf("## Concepts", StringComparison.Ordinal)..];
        return Rows(table).Select(cells => new Concept(cells[0], Entries(cells[2]))).ToList();
    }

    private static List<Term> Glossary(string language) =>
        Rows(File.ReadAllText(Path.Combine(Root, "docs", $"glossary.{language}.md")))
            .Select(cells => new Term(cells[0], [.. Entries(cells[1]), .. Entries(cells[2])], Entries(cells[3])))
            .ToList();

    // The rows of the first markdown table in the text, without its header and separator lines.
    private static IEnumerable<string[]> Rows(string markdown) =>
        markdown.Split('\n').Select(l => l.Trim())
            .SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2)
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray());

    private static List<string> Entries(string cell) => Entry().Matches(cell).Select(m => m.Groups[1].Value).ToList();

    private static Dictionary<string, string> Texts(string language)
    {
        var file = language == "en" ? "SharedResource.resx" : $"SharedResource.{language}.resx";
        var resx = XDocument.Load(Path.Combine(Root, "src", "PlanManager.Web", "Resources", file));
        return resx.Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PlanManager.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PlanManager.sln not found above the test folder");
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Entry();

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}")]
    private static partial Regex Liquid();
}
