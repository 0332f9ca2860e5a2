namespace SearchApi.Core.Parsing;

/// <summary>Month and weekday names in English and Russian, as they appear in datelines and running text.</summary>
internal static class Months
{
    private static readonly Dictionary<string, int> ByName = Build();

    private static Dictionary<string, int> Build()
    {
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        string[][] perMonth =
        [
            ["january", "jan", "января", "январь", "янв"],
            ["february", "feb", "февраля", "февраль", "фев"],
            ["march", "mar", "марта", "март"],
            ["april", "apr", "апреля", "апрель", "апр"],
            ["may", "мая", "май"],
            ["june", "jun", "июня", "июнь"],
            ["july", "jul", "июля", "июль"],
            ["august", "aug", "августа", "август", "авг"],
            ["september", "sep", "sept", "сентября", "сентябрь", "сен"],
            ["october", "oct", "октября", "октябрь", "окт"],
            ["november", "nov", "ноября", "ноябрь", "ноя"],
            ["december", "dec", "декабря", "декабрь", "дек"],
        ];
        for (var month = 0; month < perMonth.Length; month++)
            foreach (var name in perMonth[month]) names[name] = month + 1;
        return names;
    }

    /// <summary>Alternation of every month name for regular expressions, longest first.</summary>
    public static readonly string Pattern =
        string.Join("|", ByName.Keys.OrderByDescending(k => k.Length));

    public static int? Number(string name) =>
        ByName.TryGetValue(name.TrimEnd('.'), out var month) ? month : null;

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
        ["понедельник"] = DayOfWeek.Monday, ["вторник"] = DayOfWeek.Tuesday, ["среда"] = DayOfWeek.Wednesday,
        ["четверг"] = DayOfWeek.Thursday, ["пятница"] = DayOfWeek.Friday, ["суббота"] = DayOfWeek.Saturday,
        ["воскресенье"] = DayOfWeek.Sunday,
    };

    public static readonly string WeekdayPattern = string.Join("|", Weekdays.Keys);

    public static DayOfWeek? Weekday(string name) =>
        Weekdays.TryGetValue(name, out var day) ? day : null;
}
