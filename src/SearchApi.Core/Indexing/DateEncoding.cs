namespace SearchApi.Core.Indexing;

/// <summary>Dates as the index holds them: whole days since 1970-01-01.</summary>
public static class DateEncoding
{
    private static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    public static int ToDays(DateOnly date) => date.DayNumber - EpochDayNumber;

    public static DateOnly FromDays(int days) => DateOnly.FromDayNumber(days + EpochDayNumber);
}
