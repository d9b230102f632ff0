namespace PlanManager.Web.Infrastructure;

/// <summary>
/// A reading from the database kept per app process for at most a lifetime, instead of read again on every page
/// (issue 18). <see cref="Invalidate"/> drops it: a write this process makes to what it reads (a
/// <see cref="TableWriteNotice"/>) shows on the next page; another node of a cluster sees it within the lifetime.
/// Decisions 0020 and 0025.
/// </summary>
public sealed class KeptReading<T>(TimeProvider clock, TimeSpan lifetime)
    where T : class
{
    private readonly Lock _gate = new();
    private Snapshot? _current;
    private long _generation;

    public TimeSpan Lifetime => lifetime;

    /// <summary>The kept value while it is fresh, otherwise what <paramref name="read"/> reads now (then kept).</summary>
    public async Task<T> GetAsync(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var now = clock.GetUtcNow();
        long generation;
        lock (_gate)
        {
            if (_current is { } current && current.Generation == _generation && now < current.Until)
            {
                return current.Value;
            }

            generation = _generation;
        }

        var value = await read(cancellationToken);
        lock (_gate)
        {
            // A change saved while this read ran leaves the next page to read again.
            if (generation == _generation)
            {
                _current = new Snapshot(value, generation, now + lifetime);
            }
        }

        return value;
    }

    /// <summary>The next page reads again.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _current = null;
        }
    }

    private sealed record Snapshot(T Value, long Generation, DateTimeOffset Until);
}
