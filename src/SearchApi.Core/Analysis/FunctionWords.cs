using System.Collections.Frozen;

namespace SearchApi.Core.Analysis;

/// <summary>
/// The function words of English and Russian — pronouns, articles, prepositions, conjunctions, particles, auxiliary
/// and modal verbs, question words — lower case, ё as е. They carry no topic: a query word among them is never
/// translated and never required (a question such as "what did Japarov write" must not need "what" or "did"), and the
/// lexicon's coverage counts the words outside them. The indexing chains keep Lucene's shorter stop lists.
/// </summary>
public static class FunctionWords
{
    public static readonly FrozenSet<string> English = FrozenSet.ToFrozenSet(
    [
        "a", "about", "above", "across", "after", "again", "against", "all", "almost", "along", "already", "also",
        "although", "always", "am", "among", "an", "and", "another", "any", "anyone", "anything", "are", "around", "as",
        "at", "be", "became", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
        "cannot", "could", "did", "do", "does", "doing", "done", "down", "during", "each", "either", "else", "even",
        "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
        "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its", "itself",
        "just", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "neither", "no", "nor", "not",
        "now", "of", "off", "often", "on", "once", "one", "only", "onto", "or", "other", "others", "otherwise", "ought",
        "our", "ours", "ourselves", "out", "over", "own", "per", "perhaps", "quite", "rather", "same", "shall", "she",
        "should", "since", "so", "some", "something", "such", "than", "that", "the", "their", "theirs", "them",
        "themselves", "then", "there", "therefore", "these", "they", "this", "those", "though", "through", "thus", "to",
        "too", "toward", "towards", "under", "until", "up", "upon", "us", "very", "via", "was", "we", "well", "were",
        "what", "whatever", "when", "whenever", "where", "whereas", "whether", "which", "while", "who", "whom", "whose",
        "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves",
        "'s", "s", "mr", "mrs", "ms", "let", "lets", "get", "got", "say", "said", "says", "tell", "told", "many",
        "still", "like", "whether", "etc",
    ]);

    public static readonly FrozenSet<string> Russian = FrozenSet.ToFrozenSet(
    [
        "а", "без", "более", "бы", "был", "была", "были", "было", "быть", "в", "вам", "вами", "вас", "весь", "во", "вот",
        "все", "всего", "всей", "всем", "всеми", "всех", "всю", "вся", "вы", "где", "да", "даже", "для", "до", "его",
        "ее", "ей", "ему", "если", "есть", "еще", "же", "за", "здесь", "и", "из", "или", "им", "ими", "их", "к", "как",
        "какая", "какие", "каким", "какой", "какого", "ко", "когда", "кого", "кое", "который", "которая", "которое",
        "которые", "которого", "которой", "котором", "которому", "которую", "которых", "которым", "которыми", "кто",
        "куда", "ли", "либо", "лишь", "меж", "между", "меня", "мне", "мной", "много", "может", "можно", "мои", "мой",
        "моя", "мы", "на", "над", "нам", "нами", "нас", "наш", "наша", "наше", "наши", "нашего", "нашей", "нашем",
        "нашим", "наших", "не", "него", "нее", "ней", "нем", "нет", "нею", "ни", "ним", "ними", "них", "но", "ну", "о",
        "об", "один", "одна", "одно", "однако", "он", "она", "они", "оно", "от", "очень", "по", "под", "после", "потому",
        "почему", "при", "про", "раз", "с", "сам", "сама", "сами", "само", "самого", "самой", "самом", "свое", "свой",
        "своя", "свои", "своего", "своей", "своем", "своим", "своих", "своими", "себе", "себя", "со", "так", "также",
        "такая", "такие", "таким", "такой", "такого", "там", "тебе", "тебя", "тем", "теми", "то", "тогда", "того",
        "тоже", "той", "только", "том", "тот", "тою", "ту", "ты", "у", "уже", "хотя", "чего", "чей", "чем", "через",
        "что", "чтобы", "чье", "чья", "эта", "эти", "этим", "этими", "этих", "это", "этого", "этой", "этом", "этому",
        "этот", "эту", "я", "ведь", "вдруг", "впрочем", "всегда", "зачем", "иногда", "итак", "ль", "неё", "нибудь",
        "разве", "будто", "будет", "будут", "будем", "буду", "есть", "бывает", "каждый", "каждая", "каждое", "каждые",
        "весьма", "около", "вокруг", "среди", "против", "вместе", "кроме", "ради", "сквозь", "вне", "внутри", "поэтому",
        "причем", "притом", "пусть", "ж", "б", "бы", "вообще", "именно", "ещё", "её", "всё",
    ]);

    /// <summary>Whether a lower-case word (ё folded) is a function word of either language.</summary>
    public static bool Contains(string word) => English.Contains(word) || Russian.Contains(word);
}
