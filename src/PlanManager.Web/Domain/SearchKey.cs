using System.Globalization;
using System.Text;

namespace PlanManager.Web.Domain;

/// <summary>
/// Search keys are upper-case ASCII letters and digits only, so "1-abc-23", "1 ABC 23" and
/// "1ABC23" find the same car and a prefix search can use an index range on any provider.
/// </summary>
public static class SearchKey
{
    public static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The smallest key greater than every key that starts with <paramref name="prefix"/>:
    /// "AB1" gives "AB2", "AB9" gives "ABA", "ABZ" gives "AC", "ZZ" gives none. Keys are [0-9A-Z] only, so the successor of a
    /// character never leaves that range in a way that breaks ordinal or case-insensitive order.
    /// </summary>
    public static string? UpperBound(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var chars = prefix.ToCharArray();
        for (var i = chars.Length - 1; i >= 0; i--)
        {
            if (chars[i] == 'Z')
            {
                continue;
            }

            chars[i] = chars[i] == '9' ? 'A' : (char)(chars[i] + 1);
            return new string(chars, 0, i + 1);
        }

        // All 'Z': every greater key starts with the prefix, so the range has no upper end.
        return null;
    }
}
