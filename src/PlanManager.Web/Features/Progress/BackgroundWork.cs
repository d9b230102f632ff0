using System.Text.Json;

namespace PlanManager.Web.Features.Progress;

/// <summary>
/// A kind of long work run by a Hangfire job with its progress on a <see cref="Domain.WorkProgress"/> row
/// (docs/decisions/0016). Register it with <c>services.AddBackgroundWork&lt;T&gt;()</c>, start it with
/// <see cref="BackgroundWorks.StartAsync{TWork}"/>. It must be safe to run twice: a worker that died
/// half-way has the work run again from the start.
/// </summary>
public interface IBackgroundWork
{
    Task<WorkOutcome> RunAsync(string arguments, IWorkProgress progress, CancellationToken cancellationToken);
}

/// <summary>A work whose arguments are one JSON-serialisable record (ids, not entities).</summary>
public abstract class BackgroundWork<TArguments> : IBackgroundWork
{
    Task<WorkOutcome> IBackgroundWork.RunAsync(string arguments, IWorkProgress progress, CancellationToken cancellationToken) =>
        RunAsync(JsonSerializer.Deserialize<TArguments>(arguments, BackgroundWorks.Json)
            ?? throw new InvalidOperationException($"No arguments for {GetType().Name}"), progress, cancellationToken);

    protected abstract Task<WorkOutcome> RunAsync(TArguments arguments, IWorkProgress progress, CancellationToken cancellationToken);
}

/// <summary>What the work tells the page while it runs.</summary>
public interface IWorkProgress
{
    /// <summary>
    /// <paramref name="done"/> of <paramref name="total"/> (null: not known yet); <paramref name="stepKey"/> is a resource
    /// text that may use {0} (done) and {1} (total). Also tells the record the worker is alive.
    /// </summary>
    Task ReportAsync(int done, int? total, string stepKey, CancellationToken cancellationToken);
}

/// <summary>How the work ended: the message (a resource key and its arguments) the page shows, as it showed it when the work ran in the request.</summary>
public sealed record WorkOutcome(bool Succeeded, string MessageKey, IReadOnlyList<object> Arguments, string? ResultUrl = null)
{
    public static WorkOutcome Success(string messageKey, params object[] arguments) => new(true, messageKey, arguments);

    public static WorkOutcome Failure(string messageKey, params object[] arguments) => new(false, messageKey, arguments);
}

/// <summary>For work that reports nothing (a small case run inline).</summary>
public sealed class NoProgress : IWorkProgress
{
    public static readonly NoProgress Instance = new();

    public Task ReportAsync(int done, int? total, string stepKey, CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class BackgroundWorkRegistration
{
    /// <summary>Registers a kind of work under its class name (the name stored on its progress rows: rename with care).</summary>
    public static IServiceCollection AddBackgroundWork<TWork>(this IServiceCollection services)
        where TWork : class, IBackgroundWork =>
        services.AddKeyedScoped<IBackgroundWork, TWork>(BackgroundWorks.KindOf<TWork>());
}
