using SearchApi.Core.Statements;

namespace SearchApi.Core.Parsing;

/// <summary>Tells joint statements, transcripts, statements and news apart from the title and the shape of the text.</summary>
public static class KindClassifier
{
    private static readonly string[] JointMarkers =
    [
        "joint statement", "joint declaration", "joint communiqué", "joint communique",
        "совместное заявление", "совместная декларация", "совместное коммюнике",
    ];

    private static readonly string[] TranscriptMarkers =
    [
        "press conference", "press-conference", "answers to questions", "answers to media questions", "interview",
        "briefing", "speech", "remarks", "address by", "transcript", "opening remarks", "news conference",
        "пресс-конференц", "ответы на вопросы", "интервью", "брифинг", "выступление", "стенограмма", "вступительное слово",
    ];

    private static readonly string[] StatementMarkers =
    [
        "statement by", "statement of", "statement from", "'s statement", "’s statement", "comment by", "commentary by",
        "foreign ministry statement",
        "mfa statement", "заявление", "комментарий",
    ];

    private static readonly string[] QuestionPrefixes = ["Question:", "Вопрос:", "Q:"];

    public static string Classify(string title, IReadOnlyList<string> paragraphs)
    {
        var lowered = title.ToLowerInvariant();
        if (ContainsAny(lowered, JointMarkers)) return StatementKinds.JointStatement;
        if (ContainsAny(lowered, TranscriptMarkers) || QuestionCount(paragraphs) >= 2) return StatementKinds.Transcript;
        if (lowered.StartsWith("statement", StringComparison.Ordinal) || ContainsAny(lowered, StatementMarkers))
            return StatementKinds.Statement;
        return StatementKinds.News;
    }

    private static bool ContainsAny(string text, string[] markers)
    {
        foreach (var marker in markers)
            if (text.Contains(marker, StringComparison.Ordinal)) return true;
        return false;
    }

    private static int QuestionCount(IReadOnlyList<string> paragraphs)
    {
        var count = 0;
        foreach (var paragraph in paragraphs)
            foreach (var prefix in QuestionPrefixes)
                if (paragraph.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) count++;
        return count;
    }
}
