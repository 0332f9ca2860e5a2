using System.Security.Cryptography;
using System.Text;

namespace SearchApi.Evaluation.Relevance;

/// <summary>
/// Judged queries with a realistic slip: the longest word of five letters or more of each name, topic and monolingual
/// query gets one — a neighbouring key (QWERTY or ЙЦУКЕН), two letters swapped, a letter dropped, a letter doubled, or
/// a sound spelled another way (ph/f, c/k, i/y; unstressed о/а, е/и, тс/ц) — at a place chosen by a hash of the query's
/// id, the first letter included, so the set is the same on every run. The judgement is the original query's.
/// </summary>
public static class TypoSet
{
    private static readonly string[] SourceGroups = ["monolingual-en", "monolingual-ru", "inflected-names", "cross-language-names", "topics-en", "topics-ru"];
    private static readonly string[] Rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm", "йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"];
    private static readonly (string From, string To)[] Sounds =
    [
        ("ph", "f"), ("ck", "k"), ("ee", "i"), ("y", "i"), ("i", "y"), ("c", "k"), ("s", "z"), ("v", "w"),
        ("о", "а"), ("е", "и"), ("тс", "ц"), ("ц", "тс"), ("я", "е"), ("ь", ""),
    ];

    public static IEnumerable<JudgedQuery> From(IEnumerable<JudgedQuery> queries)
    {
        foreach (var query in queries.Where(q => SourceGroups.Contains(q.Group)))
        {
            var words = query.Query.Split(' ');
            var target = words.Select((w, i) => (w, i)).Where(x => x.w.Count(char.IsLetter) >= 5).OrderByDescending(x => x.w.Length).ThenBy(x => x.i).FirstOrDefault();
            if (target.w is null) continue;
            var hash = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(query.Id)), 0);
            words[target.i] = Slip(target.w, hash);
            var cyrillic = target.w.Any(c => c is >= 'А' and <= 'я');
            yield return new JudgedQuery(query.Id + "-typo", cyrillic ? "typos-ru" : "typos-en", string.Join(' ', words), query.Lang, query.Relevant, query.All)
            {
                RelevantByLang = query.RelevantByLang,
            };
        }
    }

    /// <summary>One slip in <paramref name="word"/>, of the kind and at the place <paramref name="hash"/> chooses.</summary>
    public static string Slip(string word, uint hash)
    {
        var at = (int)(hash / 5 % (uint)word.Length);
        var slipped = (hash % 5) switch
        {
            0 => Neighbour(word, at),
            1 => Swap(word, Math.Min(at, word.Length - 2)),
            2 => word.Remove(at, 1),
            3 => word.Insert(at, word[at].ToString()),
            _ => Sound(word),
        };
        return slipped != word && slipped.Length > 0 ? slipped : Swap(word, Math.Min(at, word.Length - 2));
    }

    private static string Neighbour(string word, int at)
    {
        var c = char.ToLowerInvariant(word[at]);
        foreach (var row in Rows)
            if (row.IndexOf(c) is var i and >= 0)
            {
                var next = row[i + 1 < row.Length ? i + 1 : i - 1];
                return word[..at] + (char.IsUpper(word[at]) ? char.ToUpperInvariant(next) : next) + word[(at + 1)..];
            }
        return word;
    }

    private static string Swap(string word, int at) =>
        at < 0 || word[at] == word[at + 1] ? word : word[..at] + word[at + 1] + word[at] + word[(at + 2)..];

    private static string Sound(string word)
    {
        foreach (var (from, to) in Sounds)
            if (word.IndexOf(from, 1, StringComparison.Ordinal) is var i and > 0)
                return word[..i] + to + word[(i + from.Length)..];
        return word;
    }
}
