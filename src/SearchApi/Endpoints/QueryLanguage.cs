namespace SearchApi.Endpoints;

/// <summary>The query syntax in a few lines, for the OpenAPI descriptions (the README has the full table).</summary>
public static class QueryLanguage
{
    public const string Summary =
        "Query syntax: words are ANDed (Lavrov Kazakbayev); \"exact phrase\" (\"humanitarian corridors\", \"гуманитарные коридоры\"); " +
        "OR between alternatives (CSTO OR NATO, ОДКБ OR ОБСЕ); -word excludes (sanctions -Iran, санкции -Иран); prefix* " +
        "(negotiat*, переговор*); parentheses group ((Japarov OR Жапаров) visit); title: and text: scope a word, phrase or " +
        "group (title:\"joint statement\", text:Бишкек). A malformed query is read as plain words unless strict=true.";
}
