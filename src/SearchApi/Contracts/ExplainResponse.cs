namespace SearchApi.Contracts;

/// <summary>How the service reads a query.</summary>
/// <param name="Query">The query as given.</param>
/// <param name="Degraded">Set when the query broke the syntax and is read as plain words: what was wrong and where.</param>
/// <param name="Parsed">The query's structure: and, or, not, term (word or prefix*), phrase.</param>
/// <param name="Words">Each word, phrase or prefix: the terms each field looks for, and the entity it names.</param>
/// <param name="Lucene">The Lucene query that runs, for specialists.</param>
/// <param name="Statement">With id=: whether and how that statement matches.</param>
/// <param name="Limits">The limits every query must keep.</param>
public sealed record ExplainResponse(
    string Query,
    SyntaxErrorResponse? Degraded,
    QueryNodeResponse? Parsed,
    IReadOnlyList<ExplainedWordResponse> Words,
    string Lucene,
    ExplainedStatementResponse? Statement,
    QueryLimitsResponse Limits);

/// <param name="Message">What is wrong.</param>
/// <param name="Position">Offset of the error in the query, from 0.</param>
public sealed record SyntaxErrorResponse(string Message, int Position);

/// <summary>A node of the parsed query.</summary>
/// <param name="Type">and, or, not, term or phrase.</param>
/// <param name="Text">The word (term).</param>
/// <param name="Prefix">Whether the word is a prefix* (term).</param>
/// <param name="Scope">all, title or text (term, phrase).</param>
/// <param name="Words">The words in order (phrase).</param>
/// <param name="Children">The parts (and, or, not).</param>
public sealed record QueryNodeResponse(
    string Type, string? Text = null, bool? Prefix = null, string? Scope = null, IReadOnlyList<string>? Words = null, IReadOnlyList<QueryNodeResponse>? Children = null);

/// <summary>A word, phrase or prefix of the query, as analysed.</summary>
/// <param name="Text">As typed (words naming one entity are grouped).</param>
/// <param name="Scope">all, title or text.</param>
/// <param name="Terms">The terms looked for, by index field: exact / exact_title (as typed), text_en / title_en and text_ru / title_ru (stems and Russian name keys), translit / translit_title (transliteration keys).</param>
/// <param name="Entity">The person, organisation or place the words name, matched in any language.</param>
/// <param name="Translations">What the word or term is also looked for as in the other language (with crossLanguage on), the most usual first.</param>
/// <param name="TypoEdits">How many edits a typo in this word may be when fewer than 10 statements match as typed (with typos on): 1 for five letters or more, 2 for nine or more, 0 for shorter words, numbers, names the gazetteer knows and function words.</param>
public sealed record ExplainedWordResponse(
    string Text, string Scope, IReadOnlyDictionary<string, IReadOnlyList<string>> Terms, EntityRefResponse? Entity, IReadOnlyList<TranslationResponse> Translations, int TypoEdits);

/// <summary>A translation a query word or term is looked for as.</summary>
/// <param name="Lang">The language of the translation: en or ru.</param>
/// <param name="Text">The translation in dictionary form; every grammatical form of it matches.</param>
/// <param name="Headword">The lexicon entry the query word was found under.</param>
/// <param name="Sense">Which sense of the headword, when it has several.</param>
/// <param name="Weight">Its weight, 1 for the usual translation of the first sense; translated matches also score below the query's own words.</param>
public sealed record TranslationResponse(string Lang, string Text, string Headword, string? Sense, float Weight);

/// <summary>An entity a query names.</summary>
public sealed record EntityRefResponse(string Id, string Type, LabelsResponse Labels);

/// <param name="Exists">Whether a statement has this id.</param>
/// <param name="Matches">Whether it matches the query.</param>
/// <param name="Score">Its relevance score when it matches.</param>
/// <param name="MatchedBy">How it matched: exact, stem, entity, translit, translation.</param>
public sealed record ExplainedStatementResponse(string Id, bool Exists, bool Matches, float? Score, IReadOnlyList<string> MatchedBy);

/// <param name="MaxQueryLength">Longest q, in characters (query_too_long beyond).</param>
/// <param name="MaxClauses">Most words, phrases and prefixes (too_many_clauses beyond).</param>
/// <param name="MaxPrefixExpansions">Most indexed words one prefix* may stand for (too_many_expansions beyond).</param>
public sealed record QueryLimitsResponse(int MaxQueryLength, int MaxClauses, int MaxPrefixExpansions);
