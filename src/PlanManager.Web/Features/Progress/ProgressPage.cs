using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using PlanManager.Web.Domain;

namespace PlanManager.Web.Features.Progress;

/// <summary>What the progress bar shows, in the reader's language; also the JSON the bar polls.</summary>
public sealed record ProgressView(
    int Id, string State, int Done, int? Total, int? Percent, string Step, string? Message, string? ResultUrl, bool Ended, bool Succeeded, string PollUrl)
{
    /// <summary>The width class of the bar drawn without script (CSP: no inline style), in steps of 5 %.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string WidthClass => "pm-w-" + ((Percent ?? 100) / 5 * 5).ToString(CultureInfo.InvariantCulture);
}

public sealed class ProgressPage(BackgroundWorks works, IStringLocalizer<SharedResource> texts)
{
    /// <summary>The query parameter a page is redirected with to show the progress of work it started.</summary>
    public const string Parameter = "progress";

    public static string PollUrl(int id) => "/progress/" + id.ToString(CultureInfo.InvariantCulture);

    public async Task<ProgressView?> BuildAsync(int id, CancellationToken cancellationToken) =>
        await works.ReadAsync(id, cancellationToken) is { } row ? View(row) : null;

    /// <summary>The progress named by the page's query (?progress=id), for the layout; null when there is none.</summary>
    public async Task<ProgressView?> FromQueryAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Query.TryGetValue(Parameter, out var value)
            && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && context.User.Identity?.IsAuthenticated == true
            ? await BuildAsync(id, context.RequestAborted)
            : null;
    }

    private ProgressView View(WorkProgress row)
    {
        int? percent = row.Ended ? 100
            : row.Total is > 0 and var total ? Math.Clamp((int)(100L * row.Done / total), 0, 100)
            : null;
        var step = texts[row.StepKey ?? "Progress.Step.Queued", row.Done, row.Total ?? row.Done].Value;
        var message = row.OutcomeKey is { } key ? texts[key, Arguments(row.OutcomeArguments)].Value : null;
        return new ProgressView(row.Id, row.State.ToString().ToLowerInvariant(), row.Done, row.Total, percent, step, message, row.ResultUrl, row.Ended,
            row.State == WorkState.Succeeded, PollUrl(row.Id));
    }

    /// <summary>Numbers back as numbers (so "{0:N0}" formats them in the reader's culture), the rest as text.</summary>
    private static object[] Arguments(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind != JsonValueKind.Array ? []
            : document.RootElement.EnumerateArray().Select(e => e.ValueKind switch
            {
                JsonValueKind.Number when e.TryGetInt64(out var n) => (object)n,
                JsonValueKind.Number => e.GetDecimal(),
                JsonValueKind.Null => string.Empty,
                _ => e.ToString(),
            }).ToArray();
    }
}
