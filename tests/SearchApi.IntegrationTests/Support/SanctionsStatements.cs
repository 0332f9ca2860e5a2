using System.Net.Http.Json;

namespace SearchApi.IntegrationTests.Support;

/// <summary>
/// Twelve short Russian news items about sanctions (the seeds have none), for the language suggestion: an English
/// search for "sanctions" restricted to English finds nothing, and the same words in translation find these.
/// </summary>
public static class SanctionsStatements
{
    private static readonly string[] Places = ["Брюссель", "Вашингтон", "Лондон", "Токио", "Берлин", "Париж", "Оттава", "Канберра", "Рим", "Вена", "Осло", "Берн"];

    public static async Task WriteAsync(HttpClient writer)
    {
        for (var i = 0; i < Places.Length; i++)
        {
            var response = await writer.PutAsJsonAsync($"/api/v1/documents/sanctions-ru-{i}", new
            {
                lang = "ru",
                date = $"2022-{3 + i % 9:00}-{10 + i:00}",
                title = $"{Places[i]} объявил о новых санкциях",
                text = $"Власти заявили, что новый пакет санкций вступит в силу через две недели. " +
                       $"Ограничения коснутся банков и экспорта технологий; в МИД России пообещали ответные меры на санкции ({i + 1}).",
            });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    public static int Count => Places.Length;
}
