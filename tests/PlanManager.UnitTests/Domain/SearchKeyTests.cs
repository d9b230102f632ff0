using PlanManager.Web.Domain;

namespace PlanManager.UnitTests.Domain;

public sealed class SearchKeyTests
{
    [Theory]
    [InlineData("1-abc-234", "1ABC234")]
    [InlineData(" YA22 lfl ", "YA22LFL")]
    [InlineData("Élise Vandenbroucke", "ELISEVANDENBROUCKE")]
    [InlineData("CLM/2026.001", "CLM2026001")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Plates_names_and_claim_numbers_are_reduced_to_letters_and_digits(string? input, string expected) =>
        Assert.Equal(expected, SearchKey.Normalize(input));

    [Theory]
    [InlineData("AB1", "AB2")]
    [InlineData("AB9", "ABA")]
    [InlineData("ABZ", "AC")]
    [InlineData("A9Z", "AA")]
    public void The_upper_bound_is_the_next_key_after_every_key_with_the_prefix(string prefix, string bound) =>
        Assert.Equal(bound, SearchKey.UpperBound(prefix));

    [Fact]
    public void A_prefix_of_only_zs_has_no_upper_bound() => Assert.Null(SearchKey.UpperBound("ZZZ"));

    [Theory]
    [InlineData("1ABC")]
    [InlineData("1ABC234")]
    [InlineData("1ABCZZZZ")]
    public void Every_key_that_starts_with_the_prefix_falls_inside_the_range(string key)
    {
        var bound = SearchKey.UpperBound("1ABC")!;
        Assert.True(string.CompareOrdinal(key, "1ABC") >= 0);
        Assert.True(string.CompareOrdinal(key, bound) < 0);
    }

    [Theory]
    [InlineData("1ABD")]
    [InlineData("1ABB999")]
    [InlineData("2")]
    public void Keys_with_another_prefix_fall_outside_the_range(string key)
    {
        var bound = SearchKey.UpperBound("1ABC")!;
        Assert.False(string.CompareOrdinal(key, "1ABC") >= 0 && string.CompareOrdinal(key, bound) < 0);
    }

    [Theory]
    [InlineData("Jan De Smet", "JAN|DE|SMET")]
    [InlineData("  O'Brien-Müller ", "O|BRIEN|MULLER")]
    [InlineData("Élise  Vandenbroucke", "ELISE|VANDENBROUCKE")]
    [InlineData("Søren & Co. 2", "SREN|CO|2")]
    [InlineData(" - & ", "")]
    [InlineData(null, "")]
    public void Words_are_the_runs_of_letters_and_digits_of_a_name_normalised(string? input, string expected) =>
        Assert.Equal(expected, string.Join('|', SearchKey.Words(input)));

    [Fact]
    public void A_name_is_found_by_the_key_from_each_of_its_words_to_its_end() =>
        Assert.Equal(["JANDESMET", "DESMET", "SMET"], SearchKey.NameWords("Jan De Smet"));

    [Fact]
    public void A_repeated_ending_is_stored_once() =>
        Assert.Equal(["SMETSMET", "SMET"], SearchKey.NameWords("Smet-Smet"));

    [Fact]
    public void Name_words_are_cut_to_the_column_length()
    {
        // Ten words of ten letters, each ending in its own letter: ABCDEFGHIA ... ABCDEFGHIJ.
        var name = string.Join(' ', Enumerable.Range(0, 10).Select(i => "Abcdefghi" + (char)('a' + i)));
        var words = SearchKey.NameWords(name);

        Assert.Equal(10, words.Count);
        Assert.All(words, w => Assert.True(w.Length <= SearchKey.WordLength));
        Assert.Equal("ABCDEFGHIJ", words[^1]);
        Assert.Equal(SearchKey.Normalize(name)[..SearchKey.WordLength], words[0]);
    }

    [Fact]
    public void A_name_without_letters_or_digits_has_no_words() => Assert.Empty(SearchKey.NameWords("&"));
}
