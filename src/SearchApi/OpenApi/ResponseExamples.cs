using System.Text.Json.Nodes;

namespace SearchApi.OpenApi;

/// <summary>Sample answers shown on the Swagger page, taken from the seed statements.</summary>
public static class ResponseExamples
{
    public static JsonNode? For(string? operationId) => operationId switch
    {
        "Search" => JsonNode.Parse(Search),
        "Facets" => JsonNode.Parse(Facets),
        "FacetValues" => JsonNode.Parse(FacetValues),
        "GetDocument" => JsonNode.Parse(Document),
        _ => null,
    };

    private const string Search = """
        {
          "total": 2,
          "tookMs": 3,
          "hits": [
            {
              "id": "ff633baefe86d7f1",
              "title": "Недавно назначенный министр иностранных дел Руслан Казакбаев встретился 23 октября со своим коллегой из Москвы",
              "lang": "ru",
              "date": "2020-10-23",
              "datePrecision": "inferred",
              "source": null,
              "url": null,
              "kind": "news",
              "score": 7.42,
              "snippets": [
                {
                  "text": "Недавно назначенный министр иностранных дел Руслан Казакбаев встретился 23 октября со своим коллегой из Москвы Сергеем Лавровым.",
                  "highlights": [ { "start": 111, "length": 16 } ]
                }
              ],
              "matchedBy": [ "stem", "entity" ],
              "titleHighlights": []
            },
            {
              "id": "1dcdbe5c83ebf706",
              "title": "Joint statement by the Minister of Foreign Affairs of the Russian Federation and the Minister of Foreign Affairs of the Kyrgyz Republic",
              "lang": "en",
              "date": "2024-04-24",
              "datePrecision": "inferred",
              "source": "mid.ru",
              "url": "https://www.mid.ru/ru/foreign_policy/news/1803158/",
              "kind": "joint-statement",
              "score": 5.18,
              "snippets": [
                {
                  "text": "At the invitation of the Minister of Foreign Affairs of the Russian Federation Sergey Lavrov, the Minister of Foreign Affairs of the Kyrgyz Republic R.A.Kazakbayev paid an official visit to the Russian Federation.",
                  "highlights": [ { "start": 79, "length": 13 } ]
                }
              ],
              "matchedBy": [ "translit", "entity" ],
              "titleHighlights": []
            }
          ],
          "nextCursor": null,
          "match": "all"
        }
        """;

    private const string Facets = """
        {
          "total": 7,
          "exact": true,
          "facets": {
            "lang": [
              { "value": "en", "label": "English", "labels": { "en": "English", "ru": "английский" }, "count": 6 },
              { "value": "ru", "label": "Russian", "labels": { "en": "Russian", "ru": "русский" }, "count": 1 }
            ],
            "person": [
              { "value": "person:sergey-lavrov", "label": "Sergey Lavrov", "labels": { "en": "Sergey Lavrov", "ru": "Сергей Лавров" }, "count": 3 }
            ]
          }
        }
        """;

    private const string FacetValues = """
        {
          "field": "person",
          "prefix": "лав",
          "exact": true,
          "values": [
            { "value": "person:sergey-lavrov", "label": "Sergey Lavrov", "labels": { "en": "Sergey Lavrov", "ru": "Сергей Лавров" }, "count": 3 }
          ]
        }
        """;

    private const string Document = """
        {
          "id": "ff633baefe86d7f1",
          "lang": "ru",
          "title": "Недавно назначенный министр иностранных дел Руслан Казакбаев встретился 23 октября со своим коллегой из Москвы",
          "date": "2020-10-23",
          "datePrecision": "inferred",
          "source": null,
          "url": null,
          "kind": "news",
          "author": null,
          "text": "Недавно назначенный министр иностранных дел Руслан Казакбаев встретился 23 октября со своим коллегой из Москвы Сергеем Лавровым.",
          "paragraphs": [ "Недавно назначенный министр иностранных дел Руслан Казакбаев встретился 23 октября со своим коллегой из Москвы Сергеем Лавровым." ],
          "entities": [
            {
              "id": "person:sergey-lavrov",
              "type": "person",
              "label": "Sergey Lavrov",
              "labels": { "en": "Sergey Lavrov", "ru": "Сергей Лавров" },
              "mentions": [ { "field": "text", "start": 111, "length": 16 } ]
            }
          ],
          "seq": 7,
          "updatedAt": "2026-11-22T09:00:00+00:00"
        }
        """;
}
