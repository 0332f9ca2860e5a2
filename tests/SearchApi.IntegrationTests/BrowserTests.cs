using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SearchApi.IntegrationTests.Support;

namespace SearchApi.IntegrationTests;

/// <summary>
/// A real browser — Debian's chromium, headless, driven by Playwright — against the service as a real process: a
/// journalist searching through the Swagger page and through the search page at /. CI installs chromium
/// (.ci/browser); a machine without it fails here rather than skipping.
/// </summary>
public sealed partial class BrowserTests : IAsyncLifetime
{
    private readonly TempDirectory _data = new();
    private ServerProcess _server = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _page = null!;

    private string Url(string path) => $"http://127.0.0.1:{_server.Port}{path}";

    public async Task InitializeAsync()
    {
        _server = await ServerProcess.StartAsync(_data.Path);
        await _server.WaitForAsync("/health/ready", TimeSpan.FromSeconds(60));
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            // CI runs as root, where chromium's sandbox cannot start.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        _page = await _browser.NewPageAsync(new BrowserNewPageOptions { Locale = "en-GB" });
        // Generous waits: CI machines are slow and busy; a passing step returns as soon as it passes.
        _page.SetDefaultTimeout(20_000);
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
        _data.Dispose();
    }

    private static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
        Assert.True(File.Exists(path), $"No browser at {path}: run .ci/browser (installs Debian's chromium) or set CHROMIUM_PATH.");
        return path;
    }

    [Fact]
    public async Task A_journalist_searches_from_the_Swagger_page_and_sees_hits()
    {
        await _page.GotoAsync(Url("/swagger"));
        var search = _page.Locator("#operations-Search-Search");
        await search.Locator(".opblock-summary").ClickAsync();
        // The examples in both languages are offered; try it out is on from the start.
        var examples = search.Locator("[data-param-name='q'] select");
        await Assertions.Expect(examples).ToContainTextAsync("Russian");
        var q = search.Locator("[data-param-name='q'] input");
        await q.FillAsync("Kazakbayev");
        await search.Locator("button.execute").ClickAsync();

        var body = search.Locator(".live-responses-table tr.response .response-col_description");
        await Assertions.Expect(body).ToContainTextAsync(SeedIds.JointStatement);
        await Assertions.Expect(body).ToContainTextAsync(SeedIds.KazakbaevLavrovRu);
        await Assertions.Expect(search.Locator(".live-responses-table tr.response .response-col_status")).ToHaveTextAsync("200");
    }

    [Fact]
    public async Task The_search_page_finds_highlights_filters_by_facet_and_opens_a_statement()
    {
        await _page.GotoAsync(Url("/"));
        // Without a query the page lists every statement, newest first.
        await Assertions.Expect(_page.Locator("#status")).ToContainTextAsync("7 statements");
        await _page.Keyboard.PressAsync("/");
        await Assertions.Expect(_page.Locator("#q")).ToBeFocusedAsync();
        await _page.Keyboard.TypeAsync("Лавров");
        await _page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(_page).ToHaveURLAsync(QueryInAddress());
        await Settled();

        var hits = _page.Locator("#hits > li");
        await Assertions.Expect(hits.First).ToBeVisibleAsync();
        Assert.True(await hits.CountAsync() >= 3, "Лавров should find the seeds that name Sergey Lavrov in either language");
        await Assertions.Expect(_page.Locator("#hits mark").First).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("#status")).ToContainTextAsync("statements");

        // Facets with counts; choosing one narrows the hits and is kept in the address.
        var russian = _page.Locator("#facets button[data-field='person'][data-value='person:sergey-lavrov']");
        await Assertions.Expect(russian).ToContainTextAsync("Sergey Lavrov");
        await _page.SelectOptionAsync("#lang", "ru");
        await Assertions.Expect(_page).ToHaveURLAsync(LangRu());
        await Settled();
        await Assertions.Expect(hits).ToHaveCountAsync(1);
        await Assertions.Expect(_page.Locator("#facets section.timeline button").First).ToContainTextAsync("2020");
        // A year narrows the dates to that year.
        await _page.Locator("#facets section.timeline button").First.ClickAsync();
        await Assertions.Expect(_page.Locator("#from")).ToHaveValueAsync("2020-01-01");
        await Assertions.Expect(_page.Locator("#to")).ToHaveValueAsync("2020-12-31");
        await Settled();
        await Assertions.Expect(hits).ToHaveCountAsync(1);

        // The document view, opened from the keyboard, with the link to the source; Escape closes it.
        await hits.First.Locator("h3 button").FocusAsync();
        await _page.Keyboard.PressAsync("Enter");
        var dialog = _page.Locator("#document");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.Locator("#document-text p").First).ToContainTextAsync("Казакбаев");
        await _page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(dialog).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Statement_text_is_shown_as_text_never_run_as_markup()
    {
        const string hostile = "Markup probe <img src=x onerror=\"document.title='pwned'\"> and <b>bold</b> zqxmarkup.";
        var written = await _server.Writer.PutAsJsonAsync("/api/v1/documents/markup-probe",
            new { lang = "en", title = "Probe <script>document.title='pwned'</script> zqxmarkup", text = hostile });
        Assert.True(written.IsSuccessStatusCode, await written.Content.ReadAsStringAsync());

        await _page.GotoAsync(Url("/?q=zqxmarkup"));
        await Settled();
        var hit = _page.Locator("#hits > li").First;
        await Assertions.Expect(hit).ToContainTextAsync("<b>bold</b>");
        await Assertions.Expect(hit.Locator("h3")).ToContainTextAsync("<script>");
        Assert.Equal(0, await _page.Locator("#hits img, #hits b, #hits script").CountAsync());
        Assert.NotEqual("pwned", await _page.TitleAsync());
    }

    [Fact]
    public async Task The_page_offers_the_other_language_and_marks_statements_found_through_translation()
    {
        await SanctionsStatements.WriteAsync(_server.Writer);

        await _page.GotoAsync(Url("/?q=sanctions&lang=en"));
        await Settled();
        var suggestion = _page.Locator("#suggestion");
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        await Assertions.Expect(suggestion).ToContainTextAsync($"1 English statement matches; {SanctionsStatements.Count} Russian statements do");
        await suggestion.Locator("button").ClickAsync();

        await Assertions.Expect(_page).ToHaveURLAsync(LangRu());
        await Settled();
        var hits = _page.Locator("#hits > li");
        await Assertions.Expect(hits).ToHaveCountAsync(10);
        await Assertions.Expect(hits.First.Locator(".badge.translated")).ToContainTextAsync("translated");
        await Assertions.Expect(hits.First.Locator("mark").First).ToContainTextAsync("санкц");
        await Assertions.Expect(suggestion).ToBeHiddenAsync();

        // Turning translation off keeps to the words as typed, and says so in the address.
        await _page.Locator("#cross").UncheckAsync();
        await Assertions.Expect(_page).ToHaveURLAsync(CrossLanguageOff());
        await Settled();
        await Assertions.Expect(_page.Locator("#status")).ToContainTextAsync("No statements match");
        // English has one statement on it, too few to offer.
        await Assertions.Expect(suggestion).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_page_offers_a_corrected_query_and_shows_a_partial_answer_plainly()
    {
        await _page.GotoAsync(Url("/?q=Lavorv"));
        await Settled();
        var didYouMean = _page.Locator("#did-you-mean");
        await Assertions.Expect(didYouMean).ToContainTextAsync("Did you mean Lavrov?");
        await didYouMean.Locator("a").ClickAsync();
        await Assertions.Expect(_page.Locator("#q")).ToHaveValueAsync("Lavrov");
        await Settled();
        await Assertions.Expect(didYouMean).ToBeHiddenAsync();

        await _page.GotoAsync(Url("/?q=" + Uri.EscapeDataString("what did Japarov write to Blinken")));
        await Settled();
        await Assertions.Expect(_page.Locator("#status")).ToContainTextAsync("Few statements have every word");
        var first = _page.Locator("#hits > li").First;
        await Assertions.Expect(first.Locator(".missing")).ToContainTextAsync("Missing: write");
        await Assertions.Expect(first.Locator("mark").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_page_offers_the_search_as_a_feed_to_subscribe_to()
    {
        await _page.GotoAsync(Url("/?q=Japarov&lang=en&sort=date"));
        await Settled();
        var subscribe = _page.Locator("#subscribe");
        await Assertions.Expect(subscribe).ToBeVisibleAsync();
        var href = await subscribe.GetAttributeAsync("href");
        Assert.Equal("/api/v1/search/feed.atom?q=Japarov&lang=en", href);
        var feed = await _page.APIRequest.GetAsync(Url(href!));
        Assert.Equal(200, feed.Status);
        Assert.StartsWith("application/atom+xml", feed.Headers["content-type"]);
        Assert.Contains("urn:searchapi:statement:", await feed.TextAsync());
    }

    [Fact]
    public async Task A_statement_has_an_address_its_entities_filter_and_similar_statements_open()
    {
        await _page.GotoAsync(Url("/?q=Lavrov"));
        await Settled();
        await _page.Locator("#hits > li h3 button").First.ClickAsync();
        var dialog = _page.Locator("#document");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        // Its own address: shareable, and Back closes it.
        await Assertions.Expect(_page).ToHaveURLAsync(IdInAddress());
        var shared = _page.Url;
        await _page.GoBackAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await _page.GotoAsync(shared);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(_page.Locator("#similar-list li").First).ToBeVisibleAsync();
        // The search's words are marked in the whole text.
        await Assertions.Expect(dialog.Locator("#document-text mark").First).ToBeVisibleAsync();

        // An entity chip searches by that entity; the chosen filter shows its name, not its id.
        await dialog.Locator("#document-entities button", new() { HasText = "Sergey Lavrov" }).First.ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Assertions.Expect(_page).ToHaveURLAsync(PersonInAddress());
        await Settled();
        await Assertions.Expect(_page.Locator("#active-filters button").First).ToHaveTextAsync("Sergey Lavrov ×");
    }

    [Fact]
    public async Task The_kind_filter_and_the_export_links_follow_the_search()
    {
        await _page.GotoAsync(Url("/?q=Kyrgyzstan"));
        await Settled();
        await _page.SelectOptionAsync("#kind", "news");
        await Assertions.Expect(_page).ToHaveURLAsync(KindInAddress());
        await Settled();
        var metas = await _page.Locator("#hits > li .meta").AllTextContentsAsync();
        Assert.NotEmpty(metas);
        Assert.All(metas, meta => Assert.Contains("news", meta));
        Assert.Equal("/api/v1/search/export?q=Kyrgyzstan&kind=news&format=csv", await _page.Locator("#export-csv").GetAttributeAsync("href"));
        var csv = await _page.APIRequest.GetAsync(Url((await _page.Locator("#export-csv").GetAttributeAsync("href"))!));
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("id,", await csv.TextAsync());
    }

    [Fact]
    public async Task The_results_over_time_are_a_chart_whose_bars_narrow_the_dates()
    {
        await _page.GotoAsync(Url("/"));
        await Settled();
        var bars = _page.Locator("#facets svg.timeline-chart rect");
        // The seeds span 2020 to 2024: five bars, the empty years too.
        await Assertions.Expect(bars).ToHaveCountAsync(5);
        await Assertions.Expect(bars.Nth(1)).ToHaveAttributeAsync("height", "0");
        await _page.Locator("#facets svg.timeline-chart rect[data-year='2024']").ClickAsync(new() { Force = true });
        await Assertions.Expect(_page.Locator("#from")).ToHaveValueAsync("2024-01-01");
        await Assertions.Expect(_page.Locator("#to")).ToHaveValueAsync("2024-12-31");
        await Settled();
        await Assertions.Expect(_page.Locator("#status")).ToContainTextAsync("2 statements");
    }

    [Fact]
    public async Task On_a_phone_the_results_come_before_the_facets()
    {
        await _page.SetViewportSizeAsync(390, 844);
        await _page.GotoAsync(Url("/?q=Lavrov"));
        await Settled();
        var firstHit = await _page.Locator("#hits > li").First.BoundingBoxAsync();
        var facets = await _page.Locator("#facets").BoundingBoxAsync();
        Assert.NotNull(firstHit);
        Assert.NotNull(facets);
        Assert.True(firstHit.Y < facets.Y, $"the first hit ({firstHit.Y} px) should be above the facets ({facets.Y} px)");
        Assert.True(firstHit.Y < 844, $"the first hit should be on the first screen, not {firstHit.Y} px down");
    }

    [Fact]
    public async Task Names_are_suggested_as_you_type_and_one_chosen_becomes_a_filter()
    {
        await _page.GotoAsync(Url("/"));
        await Settled();
        await _page.Locator("#q").PressSequentiallyAsync("Лавр");
        var suggestion = _page.Locator("#suggestions button", new() { HasText = "Sergey Lavrov" });
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        await suggestion.ClickAsync();
        await Assertions.Expect(_page).ToHaveURLAsync(PersonInAddress());
        await Settled();
        await Assertions.Expect(_page.Locator("#active-filters button").First).ToHaveTextAsync("Sergey Lavrov ×");
        await Assertions.Expect(_page.Locator("#q")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task The_page_as_the_README_shows_it()
    {
        await _page.SetViewportSizeAsync(1280, 900);
        await _page.GotoAsync(Url("/?q=" + Uri.EscapeDataString("Lavrov Kyrgyzstan")));
        await Settled();
        await Assertions.Expect(_page.Locator("#facets svg.timeline-chart")).ToBeVisibleAsync();
        var shot = await _page.ScreenshotAsync(new() { FullPage = false });
        Assert.True(shot.Length > 10_000, "a screenshot of the page");
        // UPDATE_SCREENSHOTS=1 writes it where the README shows it from.
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
            await File.WriteAllBytesAsync(Path.Combine(RepoPaths.Root, "docs", "screenshots", "search-page.png"), shot);
    }

    [Fact]
    public async Task The_interface_switches_to_Russian_facet_names_included_and_remembers_it()
    {
        await _page.GotoAsync(Url("/?q=Lavrov"));
        await Settled();
        await Assertions.Expect(_page.Locator("#facets h2").First).ToHaveTextAsync("People");
        await _page.Locator("#ui-switch").ClickAsync();
        await Settled();
        await Assertions.Expect(_page.Locator("#facets h2").First).ToHaveTextAsync("Люди");
        await Assertions.Expect(_page.Locator("button[type=submit]")).ToHaveTextAsync("Найти");
        await Assertions.Expect(_page.Locator("#facets button[data-value='person:sergey-lavrov'] .name")).ToHaveTextAsync("Сергей Лавров");
        await Assertions.Expect(_page.Locator("#status")).ToContainTextAsync("показано");
        Assert.Equal("ru", await _page.EvaluateAsync<string>("document.documentElement.lang"));

        // Kept for the next visit; and back.
        await _page.ReloadAsync();
        await Settled();
        await Assertions.Expect(_page.Locator("#facets h2").First).ToHaveTextAsync("Люди");
        await _page.Locator("#ui-switch").ClickAsync();
        await Settled();
        await Assertions.Expect(_page.Locator("#facets h2").First).ToHaveTextAsync("People");
        await Assertions.Expect(_page.Locator("#syntax-help code").First).ToBeVisibleAsync();
    }

    // The page marks the hit list busy while a search is in flight.
    private Task Settled() => Assertions.Expect(_page.Locator("#hits")).ToHaveAttributeAsync("aria-busy", "false");

    [GeneratedRegex(@"\?q=%D0%9B")]
    private static partial Regex QueryInAddress();

    [GeneratedRegex("[?&]id=")]
    private static partial Regex IdInAddress();

    [GeneratedRegex("person=person%3Asergey-lavrov")]
    private static partial Regex PersonInAddress();

    [GeneratedRegex("kind=news")]
    private static partial Regex KindInAddress();

    [GeneratedRegex("lang=ru")]
    private static partial Regex LangRu();

    [GeneratedRegex("crossLanguage=false")]
    private static partial Regex CrossLanguageOff();
}
