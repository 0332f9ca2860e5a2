using CsCheck;
using SearchApi.Core.Entities;

namespace SearchApi.Tests.Entities;

/// <summary>The typo measure agrees with the textbook optimal-string-alignment distance on random words.</summary>
public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("lavrov", "lavorv", 1, true)]
    [InlineData("жапаров", "жапраов", 1, true)]
    [InlineData("nazarbayev", "mazarbayev", 1, true)]
    [InlineData("sanctions", "sanctinos", 1, true)]
    [InlineData("sanctions", "snactinos", 1, false)]
    [InlineData("sanctions", "snactinos", 2, true)]
    [InlineData("", "ab", 2, true)]
    [InlineData("abc", "", 2, false)]
    public void Known_pairs(string a, string b, int max, bool within) => Assert.Equal(within, EditDistance.Within(a, b, max));

    [Fact]
    public void Agrees_with_the_full_table_on_random_words() =>
        Gen.Select(Gen.Char["abcdeабв"].Array[0, 9].Select(c => new string(c)), Gen.Char["abcdeабв"].Array[0, 9].Select(c => new string(c)), Gen.Int[0, 3]).Sample((a, b, max) =>
            Assert.Equal(Distance(a, b) <= max, EditDistance.Within(a, b, max)), iter: 5_000);

    // Optimal string alignment, the whole table.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
