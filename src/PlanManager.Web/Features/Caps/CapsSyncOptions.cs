using System.ComponentModel.DataAnnotations;

namespace PlanManager.Web.Features.Caps;

/// <summary>The CAPS sync (C1) settings, beside the CAPS base address: Connectors:Caps:SyncDelay etc.</summary>
public sealed class CapsSyncOptions
{
    public const string Section = "Connectors:Caps";

    /// <summary>How long after an edit an eligible job is pushed; further edits inside it give one push.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan SyncDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Wait before trying a push again after CAPS failed (the HTTP retries already spent), doubled each time.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan SyncRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Pushes tried for one change before it is shown as failed (until the next edit).</summary>
    [Range(1, 20)]
    public int SyncMaxAttempts { get; set; } = 5;

    /// <summary>How long a push may take before another relay may take it over (a crashed worker).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan SyncLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Pushes the sweep sends at the same time. Each waits mostly for CAPS to answer, so a backlog (a restart,
    /// CAPS back after an outage) drains several times faster than one by one (docs/benchmarks.md).
    /// </summary>
    [Range(1, 16)]
    public int SyncRelayParallelism { get; set; } = 4;

    /// <summary>The sweep that relays owed pushes whose scheduled job was lost (a restart with in-memory Hangfire).</summary>
    public string SyncRelayCron { get; set; } = "* * * * *";
}
