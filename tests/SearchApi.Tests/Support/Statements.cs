using SearchApi.Core.Statements;

namespace SearchApi.Tests.Support;

/// <summary>Small statements for store and index tests.</summary>
public static class TestStatements
{
    public static Statement Make(string id, string text, string lang = Languages.English, DateOnly? date = null, string? source = "mid.ru", string kind = StatementKinds.News, string? title = null) =>
        new(id, lang, title ?? text.Split('.')[0], date, date is null ? null : DatePrecisions.Day, source, null, kind, null, Statement.SplitParagraphs(text));
}
