namespace SearchApi.Core.Search;

/// <summary>Which part of a statement a query term searches.</summary>
public enum FieldScope
{
    All,
    Title,
    Text,
}

/// <summary>A parsed query: words, exact phrases, prefixes, AND, OR, exclusion and field scopes.</summary>
public abstract record QueryNode;

/// <param name="Position">Character offset of the word in the query text.</param>
public sealed record TermNode(string Text, bool Prefix, FieldScope Scope, int Position) : QueryNode;

public sealed record PhraseNode(IReadOnlyList<string> Words, FieldScope Scope, int Position) : QueryNode;

public sealed record AndNode(IReadOnlyList<QueryNode> Children) : QueryNode;

public sealed record OrNode(IReadOnlyList<QueryNode> Children) : QueryNode;

public sealed record NotNode(QueryNode Child) : QueryNode;

/// <summary>A query that breaks the syntax, with the character position where it breaks.</summary>
public sealed class QuerySyntaxException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}

/// <summary>
/// Parses the query language: words are ANDed; "exact phrase"; OR between alternatives; -word excludes; prefix*;
/// parentheses group; title: and text: scope a word, phrase or group. Lenient parsing never fails: a malformed query
/// degrades to its plain words (as Elasticsearch's simple_query_string does); strict parsing reports where it breaks.
/// </summary>
public static class QuerySyntax
{
    public const int MaxDepth = 10;

    private enum Kind { Word, Phrase, Open, Close, Or, Not, Scope, End }

    private readonly record struct Token(Kind Kind, string Text, int Position, bool Prefix = false);

    /// <summary>The syntax tree, or null for a query without words. Throws <see cref="QuerySyntaxException"/>.</summary>
    public static QueryNode? ParseStrict(string query) => new Parser(Tokenize(query)).ParseQuery();

    /// <summary>The syntax tree; a malformed query gives the AND of its plain words instead, and <paramref name="degraded"/> is set.</summary>
    public static QueryNode? Parse(string query, out QuerySyntaxException? degraded)
    {
        try
        {
            degraded = null;
            return ParseStrict(query);
        }
        catch (QuerySyntaxException e)
        {
            degraded = e;
            return PlainWords(query);
        }
    }

    /// <summary>A node written back in the query language: how a hit's missing part is named.</summary>
    public static string Text(QueryNode node) => node switch
    {
        TermNode term => ScopeText(term.Scope) + term.Text + (term.Prefix ? "*" : ""),
        PhraseNode phrase => ScopeText(phrase.Scope) + "\"" + string.Join(' ', phrase.Words) + "\"",
        AndNode and => "(" + string.Join(' ', and.Children.Select(Text)) + ")",
        OrNode or => "(" + string.Join(" OR ", or.Children.Select(Text)) + ")",
        NotNode not => "-" + Text(not.Child),
        _ => "",
    };

    private static string ScopeText(FieldScope scope) => scope switch
    {
        FieldScope.Title => "title:",
        FieldScope.Text => "text:",
        _ => "",
    };

    /// <summary>Every word of the query, syntax characters removed, all required.</summary>
    public static QueryNode? PlainWords(string query)
    {
        var words = new List<QueryNode>();
        var start = -1;
        for (var i = 0; i <= query.Length; i++)
        {
            var isWordChar = i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] is not ('"' or '(' or ')' or '*');
            if (isWordChar)
            {
                if (start < 0) start = i;
                continue;
            }
            if (start < 0) continue;
            var word = query[start..i].TrimStart('-');
            var offset = start + (query[start..i].Length - word.Length);
            if (word.Length > 0 && word != "OR") words.Add(new TermNode(word, false, FieldScope.All, offset));
            start = -1;
        }
        return words.Count switch
        {
            0 => null,
            1 => words[0],
            _ => new AndNode(words),
        };
    }

    private static List<Token> Tokenize(string query)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c == '"')
            {
                var close = query.IndexOf('"', i + 1);
                if (close < 0) throw new QuerySyntaxException("A quotation mark opens a phrase that is never closed.", i);
                tokens.Add(new Token(Kind.Phrase, query[(i + 1)..close], i));
                i = close + 1;
                continue;
            }
            if (c == '(')
            {
                tokens.Add(new Token(Kind.Open, "(", i++));
                continue;
            }
            if (c == ')')
            {
                tokens.Add(new Token(Kind.Close, ")", i++));
                continue;
            }
            if (c == '-' && (i == 0 || char.IsWhiteSpace(query[i - 1]) || query[i - 1] is '(' or ':'))
            {
                if (i + 1 >= query.Length || char.IsWhiteSpace(query[i + 1]))
                    throw new QuerySyntaxException("A - must be followed directly by the word, phrase or group to exclude.", i);
                tokens.Add(new Token(Kind.Not, "-", i++));
                continue;
            }
            var start = i;
            while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] is not ('"' or '(' or ')')) i++;
            var word = query[start..i];
            if (word == "OR")
            {
                tokens.Add(new Token(Kind.Or, word, start));
                continue;
            }
            var colon = word.IndexOf(':');
            if (colon > 0 && ScopeOf(word[..colon]) is { } scope)
            {
                tokens.Add(new Token(Kind.Scope, scope == FieldScope.Title ? "title" : "text", start));
                var rest = word[(colon + 1)..];
                if (rest.Length > 0) tokens.Add(WordToken(rest, start + colon + 1));
                continue;
            }
            tokens.Add(WordToken(word, start));
        }
        tokens.Add(new Token(Kind.End, "", query.Length));
        return tokens;
    }

    private static Token WordToken(string word, int position)
    {
        var prefix = word.EndsWith('*');
        var text = word.Trim('*');
        if (text.Length == 0) throw new QuerySyntaxException("A * must follow the beginning of a word, as in negotiat*.", position);
        if (text.Contains('*')) throw new QuerySyntaxException("A * may only end a word (prefix*).", position + text.IndexOf('*'));
        return new Token(Kind.Word, text, position, prefix);
    }

    private static FieldScope? ScopeOf(string name) => name.ToLowerInvariant() switch
    {
        "title" => FieldScope.Title,
        "text" => FieldScope.Text,
        _ => null,
    };

    private sealed class Parser(List<Token> tokens)
    {
        private int _at;
        private int _depth;

        private Token Current => tokens[_at];

        public QueryNode? ParseQuery()
        {
            if (Current.Kind == Kind.End) return null;
            var node = ParseOr(FieldScope.All);
            if (Current.Kind == Kind.Close) throw new QuerySyntaxException("A closing parenthesis has no opening one.", Current.Position);
            if (Current.Kind != Kind.End) throw new QuerySyntaxException($"Unexpected '{Current.Text}'.", Current.Position);
            return node;
        }

        private QueryNode ParseOr(FieldScope scope)
        {
            var alternatives = new List<QueryNode> { ParseAnd(scope) };
            while (Current.Kind == Kind.Or)
            {
                var or = Current;
                _at++;
                if (Current.Kind is Kind.End or Kind.Close or Kind.Or)
                    throw new QuerySyntaxException("OR needs a word, phrase or group on both sides.", or.Position);
                alternatives.Add(ParseAnd(scope));
            }
            return alternatives.Count == 1 ? alternatives[0] : new OrNode(alternatives);
        }

        private QueryNode ParseAnd(FieldScope scope)
        {
            if (Current.Kind == Kind.Or) throw new QuerySyntaxException("OR needs a word, phrase or group on both sides.", Current.Position);
            var parts = new List<QueryNode>();
            while (Current.Kind is not (Kind.End or Kind.Close or Kind.Or)) parts.Add(ParseUnary(scope));
            if (parts.Count == 0) throw new QuerySyntaxException("Expected a word, a phrase or a group.", Current.Position);
            return parts.Count == 1 ? parts[0] : new AndNode(parts);
        }

        private QueryNode ParseUnary(FieldScope scope)
        {
            if (Current.Kind != Kind.Not) return ParsePrimary(scope);
            var not = Current;
            _at++;
            if (Current.Kind is Kind.End or Kind.Close or Kind.Or or Kind.Not)
                throw new QuerySyntaxException("A - must be followed by the word, phrase or group to exclude.", not.Position);
            return new NotNode(ParsePrimary(scope));
        }

        private QueryNode ParsePrimary(FieldScope scope)
        {
            var token = Current;
            switch (token.Kind)
            {
                case Kind.Word:
                    _at++;
                    return new TermNode(token.Text, token.Prefix, scope, token.Position);
                case Kind.Phrase:
                    _at++;
                    var words = token.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                    if (words.Length == 0) throw new QuerySyntaxException("An empty phrase \"\" matches nothing.", token.Position);
                    return new PhraseNode(words, scope, token.Position);
                case Kind.Scope:
                    _at++;
                    if (Current.Kind is Kind.End or Kind.Close or Kind.Or)
                        throw new QuerySyntaxException($"{token.Text}: must be followed by a word, a phrase or a group.", token.Position);
                    return ParsePrimary(token.Text == "title" ? FieldScope.Title : FieldScope.Text);
                case Kind.Open:
                    _at++;
                    if (++_depth > MaxDepth) throw new QuerySyntaxException($"Parentheses nest deeper than {MaxDepth} levels.", token.Position);
                    if (Current.Kind == Kind.Close) throw new QuerySyntaxException("Empty parentheses match nothing.", token.Position);
                    var inner = ParseOr(scope);
                    if (Current.Kind != Kind.Close) throw new QuerySyntaxException("A parenthesis opens a group that is never closed.", token.Position);
                    _at++;
                    _depth--;
                    return inner;
                case Kind.Close:
                    throw new QuerySyntaxException("A closing parenthesis has no opening one.", token.Position);
                default:
                    throw new QuerySyntaxException($"Unexpected '{token.Text}'.", token.Position);
            }
        }
    }
}
