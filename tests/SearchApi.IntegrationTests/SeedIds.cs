namespace SearchApi.IntegrationTests;

/// <summary>Ids of the statements parsed from seeds/ (see tests/SearchApi.Tests/Parsing/Golden).</summary>
public static class SeedIds
{
    public const string Japarov = "48ac66d6b61e31ac";           // 000, story 1, undated
    public const string Peacekeepers = "13b3ff1d0ab3ed19";      // 000, story 2, undated
    public const string PashinyanNato = "8f474fee16bc351e";     // 000, story 3, undated
    public const string JointStatement = "1dcdbe5c83ebf706";    // 001, 2024-04-24, mid.ru
    public const string LavrovPressConference = "b802709073f15d5c"; // 002, 2024-10-06, mid.ru
    public const string NationalProgram = "d71ee986bde64119";   // 003, 2022-01-17, 24.kg
    public const string KazakbaevLavrovRu = "ff633baefe86d7f1"; // 004, 2020-10-23, ru

    public static readonly string[] All =
        [Japarov, Peacekeepers, PashinyanNato, JointStatement, LavrovPressConference, NationalProgram, KazakbaevLavrovRu];

    public static readonly string[] Undated = [Japarov, Peacekeepers, PashinyanNato];
}
