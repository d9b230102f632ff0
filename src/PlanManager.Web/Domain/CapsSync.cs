namespace PlanManager.Web.Domain;

/// <summary>
/// The CAPS sync of one job (C1). <see cref="DueAt"/> set means a push is owed: it is written in
/// the same SaveChanges as the edit that made it owed, so a crash between edit and push loses nothing.
/// </summary>
public class CapsSyncState
{
    public int JobId { get; set; }
    public Job? Job { get; set; }

    /// <summary>When the owed push may be sent; null when nothing is owed.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Fingerprint of the last payload CAPS accepted: an edit that changes none of the synced fields owes no push.</summary>
    public string? SyncedHash { get; set; }
    public DateTimeOffset? SyncedAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>Why the last push failed; cleared by a successful one.</summary>
    public string? LastError { get; set; }

    /// <summary>Failed attempts since the last success.</summary>
    public int Attempts { get; set; }
}

/// <summary>What the CAPS sync rule looks at, gathered from the job, its parties and the connector settings.</summary>
public sealed record CapsSyncFacts(
    bool CapsConfigured,
    int JobNumber,
    string? Make,
    string? Registration,
    string? ClaimNumber,
    bool HasInsurer,
    string? InsurerCapsCode);

/// <summary>The requirements a job must meet before it is synced with CAPS (seed article 020, C1).</summary>
public static class CapsEligibility
{
    public const string CapsConfigured = "CapsConfigured";
    public const string JobNumber = "JobNumber";
    public const string Make = "Make";
    public const string Registration = "Registration";
    public const string ClaimNumber = "ClaimNumber";
    public const string Insurer = "Insurer";
    public const string InsurerCapsCode = "InsurerCapsCode";

    /// <summary>What the job lacks, in the order the job screen names it; empty when it is eligible.</summary>
    public static IReadOnlyList<string> Missing(CapsSyncFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var missing = new List<string>();
        if (!facts.CapsConfigured)
        {
            missing.Add(CapsConfigured);
        }

        if (facts.JobNumber <= 0)
        {
            missing.Add(JobNumber);
        }

        if (string.IsNullOrWhiteSpace(facts.Make))
        {
            missing.Add(Make);
        }

        if (string.IsNullOrWhiteSpace(facts.Registration))
        {
            missing.Add(Registration);
        }

        if (string.IsNullOrWhiteSpace(facts.ClaimNumber))
        {
            missing.Add(ClaimNumber);
        }

        if (!facts.HasInsurer)
        {
            missing.Add(Insurer);
        }
        else if (string.IsNullOrWhiteSpace(facts.InsurerCapsCode))
        {
            missing.Add(InsurerCapsCode);
        }

        return missing;
    }

    public static bool IsEligible(CapsSyncFacts facts) => Missing(facts).Count == 0;
}
