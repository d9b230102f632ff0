namespace PlanManager.Web.Domain;

public static class Text
{
    /// <summary>Trims a typed value; blank becomes null so "nothing entered" is stored one way.</summary>
    public static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>
    /// <see cref="Clean"/>, cut to a column's length (<see cref="JobLimits"/>, <see cref="PartyLimits"/>):
    /// for data a platform sends, which is kept rather than refused for one over-long field.
    /// </summary>
    public static string? Clip(string? value, int maxLength)
    {
        var clean = Clean(value);
        return clean is null || clean.Length <= maxLength ? clean : clean[..maxLength].TrimEnd();
    }

    /// <summary>Control characters other than line breaks and tabs have no place in typed text.</summary>
    public static bool HasControlCharacters(string? value) =>
        value is not null && value.Any(c => char.IsControl(c) && c is not '\r' and not '\n' and not '\t');
}
