namespace PlanManager.IntegrationTests.Infrastructure;

/// <summary>
/// The soak and the crash tests load the machine on purpose (concurrent users, whole app
/// processes); they run on their own, after the rest, so the timing of other tests (the CAPS
/// delay, Hangfire's polling) is not starved by them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyTests
{
    public const string Name = "Heavy tests, run alone";
}
