namespace PlanManager.Connectors.Common;

/// <summary>
/// Supplies the headers a platform expects, from wherever the application keeps them
/// (the database, encrypted). Returns null when the connector is off or not configured:
/// then the request is never sent.
/// </summary>
public interface IConnectorCredentials
{
    /// <param name="scope">For Claims360, the carrosserieId of the call; null for the others.</param>
    ValueTask<IReadOnlyDictionary<string, string>?> GetHeadersAsync(ConnectorPlatform platform, string? scope, CancellationToken cancellationToken);

    /// <summary>Whether the connector is switched on: a call that brings keys of its own (a check before saving them) still needs it on.</summary>
    ValueTask<bool> IsEnabledAsync(ConnectorPlatform platform, CancellationToken cancellationToken);
}

/// <summary>The connector is switched off or lacks credentials; nothing was sent.</summary>
public sealed class ConnectorDisabledException(ConnectorPlatform platform, string? scope)
    : InvalidOperationException($"{platform} is switched off or not configured{(scope is null ? string.Empty : $" for {scope}")}; the call was not made.")
{
    public ConnectorPlatform Platform { get; } = platform;
}

/// <summary>Adds the platform's credentials to every request, and refuses to send any while the connector is off.</summary>
public sealed class ConnectorCredentialsHandler(ConnectorPlatform platform, IConnectorCredentials credentials) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = platform == ConnectorPlatform.Claims360 ? CarrosserieId(request.RequestUri) : null;
        var headers = await CandidateHeadersAsync(request, cancellationToken)
            ?? await credentials.GetHeadersAsync(platform, scope, cancellationToken)
            ?? throw new ConnectorDisabledException(platform, scope);
        foreach (var (name, value) in headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>Keys the call brings itself (Claims360 keys checked before they are saved), sent only while the connector is on.</summary>
    private async ValueTask<IReadOnlyDictionary<string, string>?> CandidateHeadersAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (platform != ConnectorPlatform.Claims360
            || !request.Options.TryGetValue(new HttpRequestOptionsKey<Claims360.Claims360Keys>(Claims360.Claims360Keys.RequestOption), out var keys))
        {
            return null;
        }

        return await credentials.IsEnabledAsync(platform, cancellationToken) ? keys.Headers() : throw new ConnectorDisabledException(platform, null);
    }

    /// <summary>The segment after "bodyshops/" in a Claims360 path (contracts/claims360.yaml).</summary>
    internal static string? CarrosserieId(Uri? uri)
    {
        var segments = uri?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var index = Array.IndexOf(segments, "bodyshops");
        return index >= 0 && index + 1 < segments.Length ? Uri.UnescapeDataString(segments[index + 1]) : null;
    }
}
