using SearchApi.Core.Search;

namespace SearchApi.Tests.Search;

public sealed class QuerySyntaxTests
{
    private static string Show(QueryNode? node) => node switch
    {
        null => "∅",
        TermNode t => (t.Scope == FieldScope.All ? "" : t.Scope.ToString().ToLowerInvariant() + ":") + t.Text + (t.Prefix ? "*" : ""),
        PhraseNode p => (p.Scope == FieldScope.All ? "" : p.Scope.ToString().ToLowerInvariant() + ":") + "\"" + string.Join(' ', p.Words) + "\"",
        AndNode a => "(" + string.Join(" AND ", a.Children.Select(Show)) + ")",
        OrNode o => "(" + string.Join(" OR ", o.Children.Select(Show)) + ")",
        NotNode n => "-" + Show(n.Child),
        _ => "?",
    };

    [Theory]
    [InlineData("Lavrov Kazakbayev", "(Lavrov AND Kazakbayev)")]
    [InlineData("\"humanitarian corridors\" Kharkiv", "(\"humanitarian corridors\" AND Kharkiv)")]
    [InlineData("CSTO OR NATO", "(CSTO OR NATO)")]
    [InlineData("ОДКБ OR ОБСЕ саммит", "(ОДКБ OR (ОБСЕ AND саммит))")]
    [InlineData("sanctions -Iran", "(sanctions AND -Iran)")]
    [InlineData("санкции -\"против Ирана\"", "(санкции AND -\"против Ирана\")")]
    [InlineData("negotiat* переговор*", "(negotiat* AND переговор*)")]
    [InlineData("(Japarov OR Жапаров) visit", "((Japarov OR Жапаров) AND visit)")]
    [InlineData("title:\"joint statement\" text:Бишкек", "(title:\"joint statement\" AND text:Бишкек)")]
    [InlineData("title:(Lavrov OR Лавров)", "(title:Lavrov OR title:Лавров)")]
    [InlineData("co-operation 10:30 or", "(co-operation AND 10:30 AND or)")]
    [InlineData("Russian-Kyrgyz", "Russian-Kyrgyz")]
    [InlineData("", "∅")]
    public void Parses_the_query_language(string query, string expected) =>
        Assert.Equal(expected, Show(QuerySyntax.ParseStrict(query)));

    [Theory]
    [InlineData("\"humanitarian corridors", 0)]
    [InlineData("(Lavrov OR Blinken", 0)]
    [InlineData("Lavrov)", 6)]
    [InlineData("OR Lavrov", 0)]
    [InlineData("Lavrov OR", 7)]
    [InlineData("Lavrov - Blinken", 7)]
    [InlineData("title:", 0)]
    [InlineData("()", 0)]
    [InlineData("\"\"", 0)]
    [InlineData("*", 0)]
    [InlineData("lav*rov", 3)]
    [InlineData("((((((((((((a))))))))))))", 10)]
    public void Reports_where_a_malformed_query_breaks(string query, int position)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => QuerySyntax.ParseStrict(query));
        Assert.Equal(position, error.Position);
    }

    [Theory]
    [InlineData("\"humanitarian corridors", "(humanitarian AND corridors)")]
    [InlineData("(Lavrov OR Blinken", "(Lavrov AND Blinken)")]
    [InlineData("Lavrov - Blinken)", "(Lavrov AND Blinken)")]
    [InlineData("OR", "∅")]
    public void A_malformed_query_degrades_to_its_plain_words(string query, string expected)
    {
        var node = QuerySyntax.Parse(query, out var degraded);
        Assert.NotNull(degraded);
        Assert.Equal(expected, Show(node));
    }
}
