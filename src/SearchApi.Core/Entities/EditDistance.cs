namespace SearchApi.Core.Entities;

/// <summary>Edit distance with transpositions (optimal string alignment): what a typo is measured in.</summary>
public static class EditDistance
{
    /// <summary>Whether <paramref name="a"/> becomes <paramref name="b"/> in at most <paramref name="max"/> insertions, deletions, substitutions or swaps of neighbours.</summary>
    public static bool Within(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return false;
        if (a.Length == 0 || b.Length == 0) return Math.Max(a.Length, b.Length) <= max;
        // Three rows of the table; on the stack for words, on the heap for the rare long string.
        Span<int> rows = b.Length < 128 ? stackalloc int[3 * (b.Length + 1)] : new int[3 * (b.Length + 1)];
        var previous2 = rows[..(b.Length + 1)];
        var previous = rows.Slice(b.Length + 1, b.Length + 1);
        var current = rows.Slice(2 * (b.Length + 1), b.Length + 1);
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            // No way back below the bound once a whole row is over it.
            if (rowMin > max) return false;
            var oldest = previous2;
            previous2 = previous;
            previous = current;
            current = oldest;
        }
        return previous[b.Length] <= max;
    }
}
