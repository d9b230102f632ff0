using System.Collections.Concurrent;
using PlanManager.Connectors.AudatexUk;
using PlanManager.Connectors.Caps;
using PlanManager.Connectors.Claims360;
using PlanManager.Connectors.Informex;

namespace PlanManager.Sandbox;

/// <summary>What the sandbox platforms hold, in memory for the life of the process. Public so tests can see what arrived.</summary>
public sealed class SandboxState(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private List<CapsOffer>? _capsOffers;
    private List<AudatexClaim>? _audatexClaims;
    private readonly Dictionary<string, List<Claims360Assignment>> _assignments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Claims360Assignment>> _sortedAssignments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<InformexTransmission>> _transmissions = new(StringComparer.Ordinal);

    public TimeProvider Clock { get; } = clock;

    /// <summary>Offer or claim id → "accepted" / "declined" with the job number or reason.</summary>
    public ConcurrentDictionary<string, SandboxDecision> Decisions { get; } = new(StringComparer.Ordinal);

    /// <summary>Every CAPS job push received, in order (a repeat of the same job is a second entry).</summary>
    public ConcurrentQueue<CapsJobSync> CapsJobPushes { get; } = new();

    /// <summary>Claims360 dossiers: id → the bodyshop, plate and mileage last sent, and the external reference.</summary>
    public ConcurrentDictionary<string, SandboxDossier> Claims360Dossiers { get; } = new(StringComparer.Ordinal);

    /// <summary>Informex dossiers: number → the request that created it.</summary>
    public ConcurrentDictionary<string, InformexDossierRequest> InformexDossiers { get; } = new(StringComparer.Ordinal);

    /// <summary>Informex dossier number → the second-circuit assignment number linked to it.</summary>
    public ConcurrentDictionary<string, string> SecondCircuitLinks { get; } = new(StringComparer.Ordinal);

    /// <summary>Photos uploaded to a dossier (either platform): dossier → file names and sizes.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<SandboxPhoto>> UploadedPhotos { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<CapsOffer> CapsOffers
    {
        get
        {
            lock (_gate)
            {
                return _capsOffers ??= SandboxData.CapsOffers(Clock.GetUtcNow());
            }
        }
    }

    public IReadOnlyList<AudatexClaim> AudatexClaims
    {
        get
        {
            lock (_gate)
            {
                return _audatexClaims ??= SandboxData.AudatexClaims(Clock.GetUtcNow());
            }
        }
    }

    public IReadOnlyList<Claims360Assignment> AssignmentsFor(string carrosserieId, int count)
    {
        lock (_gate)
        {
            return Assignments(carrosserieId, count);
        }
    }

    /// <summary>Call holding the gate.</summary>
    private List<Claims360Assignment> Assignments(string carrosserieId, int count)
    {
        if (!_assignments.TryGetValue(carrosserieId, out var list))
        {
            list = SandboxData.Claims360Assignments(carrosserieId, count, Clock.GetUtcNow());
            _assignments[carrosserieId] = list;
        }

        return list;
    }

    /// <summary>
    /// One page of a bodyshop's assignments updated after <paramref name="updatedSince"/>, in the platform's order (updatedAt,
    /// then number), and whether more follow. The order is kept between calls (until an assignment changes), so a full read of
    /// 10,000 assignments does not sort all of them again for each of its 50 pages.
    /// </summary>
    public (List<Claims360Assignment> Slice, bool HasMore) AssignmentsPage(string carrosserieId, int count, DateTimeOffset? updatedSince, int page, int size)
    {
        lock (_gate)
        {
            if (!_sortedAssignments.TryGetValue(carrosserieId, out var sorted))
            {
                sorted = [.. Assignments(carrosserieId, count).OrderBy(a => a.UpdatedAt).ThenBy(a => a.AssignmentNumber, StringComparer.Ordinal)];
                _sortedAssignments[carrosserieId] = sorted;
            }

            // The first one after updatedSince: the list is in updatedAt order.
            var from = updatedSince is { } since ? FirstAfter(sorted, since) : 0;
            var start = from + ((page - 1) * size);
            var slice = start < sorted.Count ? sorted.GetRange(start, Math.Min(size, sorted.Count - start)) : [];
            return (slice, sorted.Count - from > page * size);
        }
    }

    private static int FirstAfter(List<Claims360Assignment> sorted, DateTimeOffset since)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle].UpdatedAt > since)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    /// <summary>Changes an assignment as the insurer's side would (a test or a demo of "changed assignment").</summary>
    public void TouchAssignment(string carrosserieId, string assignmentNumber, Func<Claims360Assignment, Claims360Assignment> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            if (_assignments.TryGetValue(carrosserieId, out var list) && list.FindIndex(a => a.AssignmentNumber == assignmentNumber) is var i and >= 0)
            {
                list[i] = change(list[i]) with { UpdatedAt = Clock.GetUtcNow() };
                _sortedAssignments.Remove(carrosserieId);
            }
        }
    }

    public IReadOnlyList<InformexTransmission> TransmissionsFor(string mailbox)
    {
        lock (_gate)
        {
            if (!_transmissions.TryGetValue(mailbox, out var list))
            {
                list = SandboxData.InformexTransmissions(mailbox, Clock.GetUtcNow());
                _transmissions[mailbox] = list;
            }

            return list;
        }
    }
}

public sealed record SandboxDecision(string Kind, string Value, DateTimeOffset At);

public sealed record SandboxDossier(string Owner, string ExternalReference, string LicensePlate, int? Mileage);

public sealed record SandboxPhoto(string FileName, long Size);
