namespace SearchApi.Endpoints;

/// <summary>The query syntax as a table of examples, for the OpenAPI descriptions and the Swagger page.</summary>
public static class QueryLanguage
{
    public const string Table = """
        **Query syntax** — a malformed query is read as plain words unless `strict=true`.

        | You type | It finds |
        |---|---|
        | `Lavrov Kazakbayev` | statements with both words, in any grammatical form |
        | `Лавров Казакбаев` | the same in Russian: also «Лавровым», «Казакбаева» |
        | `CSTO` | also «ОДКБ» and «Collective Security Treaty Organization» |
        | `sanctions`, `совместное заявление` | also the other language's statements, through translation: «санкции», "joint statement" (`crossLanguage=false` turns it off) |
        | `what did Japarov write` | words such as what, did, о, ли are not required |
        | `"humanitarian corridors"`, `"гуманитарные коридоры"` | the exact phrase |
        | `CSTO OR NATO`, `ОДКБ OR ОБСЕ` | either word |
        | `sanctions -Iran`, `санкции -Иран` | the first word without the second |
        | `negotiat*`, `переговор*` | words that begin so |
        | `(Japarov OR Жапаров) visit` | groups in parentheses |
        | `title:"joint statement"`, `text:Бишкек` | a word, phrase or group only in the title or only in the text |
        """;
}
