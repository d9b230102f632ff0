using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PlanManager.Connectors;
using PlanManager.Connectors.Common;
using WireMock.Server;

namespace PlanManager.IntegrationTests.Connectors;

/// <summary>
/// A platform played by WireMock.Net, and the app's real client registration pointed at it
/// (resilience handler included). An attempt may take 15 s by default, so a loaded CI machine does
/// not turn a slow first answer into a retry; a class that tests timeouts passes a short one.
/// </summary>
public abstract class ContractTestBase : IDisposable
{
    private readonly ServiceProvider _services;

    protected ContractTestBase(ConnectorPlatform platform, IReadOnlyDictionary<string, string>? headers, string attemptTimeout = "00:00:15")
    {
        Platform = platform;
        Server = WireMockServer.Start();
        Credentials = new FixedCredentials(headers);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Connectors:{platform}:BaseUrl"] = Server.Url + "/api",
            [$"Connectors:{platform}:AttemptTimeout"] = attemptTimeout,
            [$"Connectors:{platform}:MaxRetries"] = "2",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConnectorCredentials>(Credentials);
        services.AddConnectorClients(configuration);
        _services = services.BuildServiceProvider();
    }

    protected ConnectorPlatform Platform { get; }
    protected WireMockServer Server { get; }
    protected FixedCredentials Credentials { get; }

    protected T Client<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The call as the app makes it: through ConnectorCall, so every failure is a value.</summary>
    protected Task<ConnectorResult<T>> Run<T>(Func<CancellationToken, Task<T>> call) =>
        ConnectorCall.RunAsync(Platform, "test", call, NullLogger.Instance, CancellationToken.None);

    protected Task<ConnectorResult<bool>> Run(Func<CancellationToken, Task> call) =>
        ConnectorCall.RunAsync(Platform, "test", call, NullLogger.Instance, CancellationToken.None);

    protected int RequestsTo(string pathEnd) =>
        Server.LogEntries.Count(e => e.RequestMessage.AbsolutePath.EndsWith(pathEnd, StringComparison.Ordinal));

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
        _services.Dispose();
        GC.SuppressFinalize(this);
    }

    public sealed class FixedCredentials(IReadOnlyDictionary<string, string>? headers) : IConnectorCredentials
    {
        public IReadOnlyDictionary<string, string>? Headers { get; set; } = headers;
        public string? LastScope { get; private set; }

        public ValueTask<IReadOnlyDictionary<string, string>?> GetHeadersAsync(ConnectorPlatform platform, string? scope, CancellationToken cancellationToken)
        {
            LastScope = scope;
            return ValueTask.FromResult(Headers);
        }

        /// <summary>Off when it has no headers, as the database credentials are for a connector switched off.</summary>
        public bool Enabled { get; set; } = true;

        public ValueTask<bool> IsEnabledAsync(ConnectorPlatform platform, CancellationToken cancellationToken) => ValueTask.FromResult(Enabled);
    }
}
