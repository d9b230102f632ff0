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

    /// <summary>Longest stored name word (<see cref="NameWords"/>); longer keys, and search words, are cut to it.</summary>
    public const int WordLength = 64;

    /// <summary>
    /// The words of a name or a search term, each normalised as <see cref="Normalize"/> does: "Jan De Smet" gives
    /// JAN, DE, SMET; "O'Brien-Müller" gives O, BRIEN, MULLER. Anything that is not a letter or a digit separates words.
    /// </summary>
    public static IReadOnlyList<string> Words(string? value)
    {
        var words = new List<string>();
        if (string.IsNullOrWhiteSpace(value))
        {
            return words;
        }

        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                // A letter outside ASCII ("ø") stays part of its word but, as in Normalize, is not kept.
                if (char.IsAsciiLetterOrDigit(c))
                {
                    builder.Append(char.ToUpperInvariant(c));
                }

                continue;
            }

            if (builder.Length > 0)
            {
                words.Add(builder.ToString());
                builder.Clear();
            }
        }

        if (builder.Length > 0)
        {
            words.Add(builder.ToString());
        }

        return words;
    }

    /// <summary>
    /// The keys a party is found by (decision 0023): for each word of the name, the key from that word to the end of the
    /// name, cut to <see cref="WordLength"/>. "Jan De Smet" gives JANDESMET, DESMET and SMET, so a search for a prefix of any
    /// word ("smi", "de sm", "desmet") is an index range on one column.
    /// </summary>
    public static IReadOnlyList<string> NameWords(string? name)
    {
        var words = Words(name);
        var keys = new List<string>(words.Count);
        var builder = new StringBuilder();
        for (var i = words.Count - 1; i >= 0; i--)
        {
            builder.Insert(0, words[i]);
            var key = builder.Length > WordLength ? builder.ToString(0, WordLength) : builder.ToString();
            if (!keys.Contains(key, StringComparer.Ordinal))
            {
                keys.Add(key);
            }
        }

        keys.Reverse();
        return keys;
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
