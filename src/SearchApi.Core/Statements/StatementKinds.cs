namespace SearchApi.Core.Statements;

/// <summary>What sort of text a statement is.</summary>
public static class StatementKinds
{
    /// <summary>A ministry's or official's own statement or comment.</summary>
    public const string Statement = "statement";

    /// <summary>A statement signed by two or more parties.</summary>
    public const string JointStatement = "joint-statement";

    /// <summary>A press conference, speech, interview or briefing, often with questions and answers.</summary>
    public const string Transcript = "transcript";

    /// <summary>A news report about foreign policy by an agency or outlet.</summary>
    public const string News = "news";

    public static readonly IReadOnlyList<string> All = [Statement, JointStatement, Transcript, News];

    public static bool IsKnown(string? kind) => kind is Statement or JointStatement or Transcript or News;

    public static EntityLabels Labels(string kind) => kind switch
    {
        Statement => new EntityLabels("Statement", "Заявление"),
        JointStatement => new EntityLabels("Joint statement", "Совместное заявление"),
        Transcript => new EntityLabels("Transcript", "Стенограмма"),
        News => new EntityLabels("News", "Новость"),
        _ => new EntityLabels(kind, kind),
    };
}
