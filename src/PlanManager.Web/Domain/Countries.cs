namespace PlanManager.Web.Domain;

/// <summary>
/// The countries a repairer (a bodyshop location) can be in: ISO 3166-1 alpha-2 codes, as the demo,
/// the queues ("GB" for the UK connectors) and the plate rules read them (decision 0017).
/// </summary>
public static class Countries
{
    public static IReadOnlyList<string> RepairerCodes { get; } = ["BE", "NL", "GB"];

    public static bool IsRepairerCode(string? code) => code is not null && RepairerCodes.Contains(code.Trim().ToUpperInvariant());
}
