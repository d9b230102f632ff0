namespace PlanManager.Web.Domain;

/// <summary>
/// One fixed-window counter of a limiter (sign-in attempts of a client, portal posts, uses of a
/// photo ticket). In the database, not in memory, so every web node counts the same requests.
/// </summary>
public class RateLimitCounter
{
    /// <summary>Scope, window and partition, e.g. "sign-in:1958372:203.0.113.7".</summary>
    public string Key { get; set; } = string.Empty;

    public int Count { get; set; }

    /// <summary>The end of the window; a row past it is only waiting to be removed.</summary>
    public DateTimeOffset ExpiresAt { get; set; }
}

public static class RateLimitKeys
{
    public const int MaxLength = 200;

    /// <summary>The row key; a partition too long for the column (a pasted essay as a plate) is hashed.</summary>
    public static string Make(string scope, long window, string partition)
    {
        var key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{scope}:{window}:{partition}");
        if (key.Length <= MaxLength)
        {
            return key;
        }

        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(partition)));
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{scope}:{window}:#{hash}");
    }
}
