using System.Text.Json;

namespace PlanManager.Web.Infrastructure.Connectors;

/// <summary>
/// Reads the existing record's id from a platform's 409 answer ("already exists, here it is"):
/// how Claims360 and Informex tell a repeated create that it must not bill a second dossier.
/// </summary>
public static class ConflictAnswer
{
    /// <summary>The string property of a JSON object body, or null when the body is missing, not JSON, or lacks it.</summary>
    public static string? StringProperty(string? content, string property)
    {
        if (string.IsNullOrEmpty(content))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
