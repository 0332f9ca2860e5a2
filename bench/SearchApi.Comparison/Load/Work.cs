namespace SearchApi.Comparison.Load;

/// <summary>What each engine is asked to do per query.</summary>
public enum Work
{
    /// <summary>
    /// Equal work: the ten best hits (id and title) and the total, filters as asked; no snippets, no facets. What Sphinx's
    /// <c>MATCH … LIMIT 10</c> with <c>SHOW META</c> does, and our <c>snippets=0</c>.
    /// </summary>
    HitsOnly,

    /// <summary>The ten best hits with two snippets each (our default answer; Sphinx adds CALL SNIPPETS), no facets.</summary>
    Snippets,

    /// <summary>The full answer: the ten best hits with two snippets each and the facets a query asks for.</summary>
    Full,
}

public static class WorkNames
{
    public static readonly Work[] All = [Work.HitsOnly, Work.Snippets, Work.Full];

    public static string Of(Work work) => work switch
    {
        Work.HitsOnly => "hits",
        Work.Snippets => "snippets",
        _ => "full",
    };

    public static Work Parse(string name) =>
        All.FirstOrDefault(w => Of(w) == name, (Work)(-1)) is var work && work != (Work)(-1) ? work : throw new ArgumentException($"Unknown work '{name}': hits, snippets or full.");

    public static bool WithSnippets(this Work work) => work != Work.HitsOnly;

    public static bool WithFacets(this Work work) => work == Work.Full;
}
