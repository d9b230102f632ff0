using System.Text.Json;
using Microsoft.Playwright;

namespace PlanManager.BrowserTests.Accessibility;

/// <summary>One element failing one rule on one page.</summary>
public sealed record AxeViolation(string Rule, string Impact, string Help, string Target, string Summary);

/// <summary>
/// axe-core (npm axe-core@4, Mozilla Public License 2.0, kept beside this file with its licence)
/// injected into a page and run with the WCAG 2.0/2.1 level A and AA rules. The app's CSP forbids
/// inline scripts, so the test browser context bypasses it (BypassCSP); the app keeps its CSP.
/// </summary>
public static class Axe
{
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static string ScriptPath { get; } = Path.Combine(AppContext.BaseDirectory, "Accessibility", "axe", "axe.min.js");

    private const string RunScript = """
        async (tags) => {
            const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
            return {
                version: axe.version,
                violations: result.violations.flatMap(v => v.nodes.map(n => ({
                    rule: v.id,
                    impact: v.impact || '',
                    help: v.help,
                    target: n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' '),
                    summary: (n.failureSummary || '').split('\n').map(s => s.trim()).filter(s => s && !s.startsWith('Fix ')).join(' ')
                })))
            };
        }
        """;

    public static async Task<(string Version, IReadOnlyList<AxeViolation> Violations)> RunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Path = ScriptPath });
        }

        var result = await page.EvaluateAsync<JsonElement>(RunScript, Tags);
        var violations = result.GetProperty("violations").EnumerateArray()
            .Select(v => new AxeViolation(
                v.GetProperty("rule").GetString()!,
                v.GetProperty("impact").GetString()!,
                v.GetProperty("help").GetString()!,
                v.GetProperty("target").GetString()!,
                v.GetProperty("summary").GetString()!))
            .ToList();
        return (result.GetProperty("version").GetString()!, violations);
    }
}
