namespace PlanManager.IntegrationTests.Infrastructure;

/// <summary>The system clock moved on by what a test asks: hours of a working day in a second.</summary>
public sealed class ShiftingClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}

/// <summary>The app on a clock the test moves.</summary>
public class ClockedFactory : PlanManagerFactory
{
    public ShiftingClock Time { get; } = new();

    protected override TimeProvider? Clock => Time;
}
