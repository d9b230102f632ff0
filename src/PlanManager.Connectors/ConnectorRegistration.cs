using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using PlanManager.Connectors.AudatexUk;
using PlanManager.Connectors.Caps;
using PlanManager.Connectors.Claims360;
using PlanManager.Connectors.Common;
using PlanManager.Connectors.Informex;
using Polly;
using Refit;

namespace PlanManager.Connectors;

public static class ConnectorRegistration
{
    /// <summary>
    /// The one place outbound HTTP to the platforms is set up: a Refit client per contract, its
    /// base address from Connectors:&lt;Platform&gt;:BaseUrl, credentials from <see cref="IConnectorCredentials"/>,
    /// and the standard resilience handler (timeouts, jittered retries honouring Retry-After, circuit breaker).
    /// </summary>
    public static IServiceCollection AddConnectorClients(this IServiceCollection services, IConfiguration configuration)
    {
        Add<ICapsApi>(services, configuration, ConnectorPlatform.Caps);
        Add<IAudatexUkApi>(services, configuration, ConnectorPlatform.AudatexUk);
        Add<IClaims360Api>(services, configuration, ConnectorPlatform.Claims360);
        Add<IInformexApi>(services, configuration, ConnectorPlatform.Informex);
        return services;
    }

    private static void Add<TApi>(IServiceCollection services, IConfiguration configuration, ConnectorPlatform platform)
        where TApi : class
    {
        var name = platform.ToString();
        services.AddOptions<ConnectorOptions>(name)
            .Configure(o => o.BaseUrl = ConnectorOptions.DefaultBaseUrl(platform))
            .Bind(configuration.GetSection(ConnectorOptions.SectionFor(platform)))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddRefitGeneratedClient<TApi>()
            .ConfigureHttpClient((sp, client) =>
            {
                var baseUrl = sp.GetRequiredService<IOptionsMonitor<ConnectorOptions>>().Get(name).BaseUrl!;
                // Refit appends each operation's path to the base path: no trailing slash.
                client.BaseAddress = new Uri(baseUrl.ToString().TrimEnd('/'));
                // The resilience handler owns the timeouts; this only stops a runaway request.
                client.Timeout = TimeSpan.FromMinutes(5);
            })
            .AddHttpMessageHandler(sp => new ConnectorCredentialsHandler(platform, sp.GetRequiredService<IConnectorCredentials>()))
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) => Tune(resilience, sp.GetRequiredService<IOptionsMonitor<ConnectorOptions>>().Get(name)));
    }

    /// <summary>Tuned as contracts/README.md asks: few retries, never a repeat that would duplicate work.</summary>
    internal static void Tune(HttpStandardResilienceOptions resilience, ConnectorOptions options)
    {
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = (options.AttemptTimeout * (options.MaxRetries + 1)) + TimeSpan.FromSeconds(10 * options.MaxRetries);
        resilience.CircuitBreaker.SamplingDuration = options.AttemptTimeout * 3;
        resilience.Retry.MaxRetryAttempts = Math.Max(options.MaxRetries, 1);
        resilience.Retry.UseJitter = true;
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.Delay = TimeSpan.FromMilliseconds(500);
        resilience.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        resilience.Retry.ShouldRetryAfterHeader = true;
        resilience.Retry.ShouldHandle = args =>
            ValueTask.FromResult(IsSafeToRepeat(args.Context.GetRequestMessage()) && HttpClientResiliencePredicates.IsTransient(args.Outcome));
    }

    /// <summary>
    /// GET and PUT are idempotent; the contracts' POSTs answer 409 on a repeat (offers once decided,
    /// dossiers with the existing id), so they are safe too. A photo upload (multipart) is not:
    /// sent twice, it is stored twice.
    /// </summary>
    internal static bool IsSafeToRepeat(HttpRequestMessage? request) =>
        request is not null && !(request.Method == HttpMethod.Post && request.Content is MultipartContent);
}
