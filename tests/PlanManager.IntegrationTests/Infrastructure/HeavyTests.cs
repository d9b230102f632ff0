namespace PlanManager.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that run on their own, after the rest: the soak and the crash tests load the machine on
/// purpose, and the CAPS sync tests need a Hangfire server of their own (Hangfire keeps some
/// process-wide state, so a server's jobs must not run while other hosts start and stop).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyTests
{
    public const string Name = "Heavy tests, run alone";
}
