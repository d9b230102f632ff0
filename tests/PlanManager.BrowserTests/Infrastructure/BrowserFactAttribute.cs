namespace PlanManager.BrowserTests.Infrastructure;

/// <summary>
/// A browser test. Without Debian's Chromium it reports itself skipped with the reason, except
/// where PLANMANAGER_REQUIRE_BROWSER=1 (CI sets it): there a missing browser fails the test.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserHost.ChromiumPath) && !BrowserHost.BrowserRequired)
        {
            Skip = $"Chromium is not installed at {BrowserHost.ChromiumPath} (apt-get install chromium); "
                + "set PLANMANAGER_REQUIRE_BROWSER=1 to make this a failure.";
        }
    }
}
