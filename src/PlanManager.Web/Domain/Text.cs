namespace PlanManager.Web.Domain;

public static class Text
{
    /// <summary>Trims a typed value; blank becomes null so "nothing entered" is stored one way.</summary>
    public static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>Control characters other than line breaks and tabs have no place in typed text.</summary>
    public static bool HasControlCharacters(string? value) =>
        value is not null && value.Any(c => char.IsControl(c) && c is not '\r' and not '\n' and not '\t');
}
