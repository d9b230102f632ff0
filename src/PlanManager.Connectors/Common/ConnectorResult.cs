using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace PlanManager.Connectors.Common;

public enum ConnectorOutcome
{
    Ok,
    Disabled,
    Unauthorized,
    NotFound,
    Conflict,
    Invalid,
    TooLarge,
    UnsupportedMedia,
    RateLimited,
    ServerError,
    Timeout,
    Unreachable,
    Malformed,
}

/// <summary>
/// What a platform call came to. Every failure (HTTP status, timeout, broken circuit, bad JSON,
/// connector off) ends here as a value the caller can show and log, never as an exception.
/// </summary>
public sealed record ConnectorResult<T>(ConnectorOutcome Outcome, T? Value, int? StatusCode, string? Detail, string? Content, TimeSpan? RetryAfter)
{
    public bool Succeeded => Outcome == ConnectorOutcome.Ok;

    /// <summary>Worth trying again later (the HTTP retries are already spent).</summary>
    public bool IsTransient => Outcome is ConnectorOutcome.RateLimited or ConnectorOutcome.ServerError or ConnectorOutcome.Timeout or ConnectorOutcome.Unreachable;
}

/// <summary>Runs one platform call and turns whatever happens into a <see cref="ConnectorResult{T}"/>.</summary>
public static partial class ConnectorCall
{
    public static async Task<ConnectorResult<T>> RunAsync<T>(ConnectorPlatform platform, string operation, Func<CancellationToken, Task<T>> call, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(logger);
        ConnectorResult<T> result;
        try
        {
            result = new ConnectorResult<T>(ConnectorOutcome.Ok, await call(cancellationToken), 200, null, null, null);
        }
        catch (ApiException ex) when (ex.StatusCode is >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices)
        {
            // A success status whose body could not be read as the contract says.
            result = Fail<T>(ConnectorOutcome.Malformed, (int)ex.StatusCode, Root(ex).Message, ex.Content);
        }
        catch (ApiException ex)
        {
            result = Fail<T>(FromStatus(ex.StatusCode), (int)ex.StatusCode, ex.ReasonPhrase, ex.Content, RetryAfter(ex));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Classify(ex) is { } outcome)
        {
            // Refit wraps what happened on the way (ApiRequestException): look at the cause.
            result = Fail<T>(outcome, null, Root(ex).Message);
        }

        if (result.Succeeded)
        {
            LogOk(logger, platform, operation);
        }
        else
        {
            LogFailed(logger, platform, operation, result.Outcome, result.StatusCode, result.Detail);
        }

        return result;
    }

    /// <summary>For calls that answer nothing but a status.</summary>
    public static Task<ConnectorResult<bool>> RunAsync(ConnectorPlatform platform, string operation, Func<CancellationToken, Task> call, ILogger logger, CancellationToken cancellationToken) =>
        RunAsync(platform, operation, async ct =>
        {
            await call(ct);
            return true;
        }, logger, cancellationToken);

    /// <summary>What a transport-level failure means for the user; null for a bug that should surface.</summary>
    internal static ConnectorOutcome? Classify(Exception ex)
    {
        for (var current = ex; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case ConnectorDisabledException:
                    return ConnectorOutcome.Disabled;
                case JsonException:
                    return ConnectorOutcome.Malformed;
                case TimeoutRejectedException or TaskCanceledException or TimeoutException:
                    return ConnectorOutcome.Timeout;
                case BrokenCircuitException or HttpRequestException:
                    return ConnectorOutcome.Unreachable;
            }
        }

        return null;
    }

    internal static ConnectorOutcome FromStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ConnectorOutcome.Unauthorized,
        HttpStatusCode.NotFound => ConnectorOutcome.NotFound,
        HttpStatusCode.Conflict => ConnectorOutcome.Conflict,
        HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => ConnectorOutcome.Invalid,
        HttpStatusCode.RequestEntityTooLarge => ConnectorOutcome.TooLarge,
        HttpStatusCode.UnsupportedMediaType => ConnectorOutcome.UnsupportedMedia,
        HttpStatusCode.TooManyRequests => ConnectorOutcome.RateLimited,
        HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout => ConnectorOutcome.Timeout,
        _ when (int)status >= 500 => ConnectorOutcome.ServerError,
        _ => ConnectorOutcome.Invalid,
    };

    private static ConnectorResult<T> Fail<T>(ConnectorOutcome outcome, int? status, string? detail, string? content = null, TimeSpan? retryAfter = null) =>
        new(outcome, default, status, detail, content, retryAfter);

    private static TimeSpan? RetryAfter(ApiException ex) =>
        ex.Headers.RetryAfter?.Delta ?? (ex.Headers.RetryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);

    private static Exception Root(Exception ex)
    {
        var current = ex;
        while (current.InnerException is not null && current is not JsonException)
        {
            current = current.InnerException;
        }

        return current;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Platform} {Operation}: ok")]
    private static partial void LogOk(ILogger logger, ConnectorPlatform platform, string operation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Platform} {Operation}: {Outcome} (HTTP {Status}) {Detail}")]
    private static partial void LogFailed(ILogger logger, ConnectorPlatform platform, string operation, ConnectorOutcome outcome, int? status, string? detail);
}
