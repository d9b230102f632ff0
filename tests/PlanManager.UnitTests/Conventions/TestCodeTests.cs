namespace PlanManager.UnitTests.Conventions;

/// <summary>Conventions every C# file under tests/ keeps.</summary>
public sealed class TestCodeTests
{
    private const int MaxLineLength = 160;

    [Fact]
    public void No_test_line_is_longer_than_160_characters()
    {
        var tests = Path.Combine(RepositoryRoot(), "tests");
        var files = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(tests, f)
                .Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
                .Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);

        var tooLong = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Length > MaxLineLength)
                {
                    tooLong.Add($"{Path.GetRelativePath(tests, file)}:{i + 1} ({lines[i].Length} characters)");
                }
            }
        }

        Assert.True(tooLong.Count == 0,
            $"{tooLong.Count} line(s) under tests/ are longer than {MaxLineLength} characters:\n" + string.Join("\n", tooLong));
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
}
