using System.Collections.Concurrent;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Infrastructure.Connectors;

/// <summary>
/// One import per platform and repairer at a time in this process (a refresh waits for the recurring
/// import and then finds nothing new). Across processes the platform's unique key index decides.
/// </summary>
public sealed class ImportLocks
{
    private readonly ConcurrentDictionary<(ConnectorKind, int), SemaphoreSlim> _locks = new();

    public async Task<IDisposable> AcquireAsync(ConnectorKind platform, int repairerId, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd((platform, repairerId), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
