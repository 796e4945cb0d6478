using System.Collections.Concurrent;
using Sitrep.Serialization;
using Sitrep.Storage;

namespace Sitrep.Tests.Storage;

/// <summary>
/// The behaviour every store backend must have. A backend's test class derives from this one and says how to
/// make an empty store and how to open a second handle on the same database; every test here then runs on it.
/// </summary>
public abstract class DocumentStoreContract
{
    /// <summary>An empty store, migrated or not, that the test disposes.</summary>
    protected abstract Task<IDocumentStore> CreateStoreAsync();

    /// <summary>Another store instance on the same database as <paramref name="store"/> (as a second process would open it).</summary>
    protected abstract IDocumentStore OpenSame(IDocumentStore store);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stored_document_reads_back_byte_identical()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        StoredDocument document = StoreDocuments.Extracted("rt-1", "Deux personnes sont mortes à Nîmes après les pluies. « La situation reste tendue », a dit le préfet.", title: "Inondations");

        IngestResult result = await store.PutAsync(document, Token);

        Assert.Equal(new IngestResult("rt-1", IngestStatus.New), result);
        Assert.Equal(document.Json, await store.GetJsonAsync("rt-1", Token));
    }

    [Fact]
    public async Task Document_with_every_contract_list_filled_reads_back_byte_identical()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        var document = StoredDocument.FromModel(StoreDocuments.Full());

        await store.PutAsync(document, Token);

        string? json = await store.GetJsonAsync("full-1", Token);
        Assert.Equal(document.Json, json);
        Assert.Equal(StoreDocuments.Full().Events.Length, SitrepJson.Deserialize(json!).Events.Length);
        StoreSummary summary = await store.GetSummaryAsync(Token);
        Assert.Equal(new StoreSummary(summary.SchemaVersion, Articles: 1, Sentences: 3, Entities: 3, Places: 2, Times: 2, Quotes: 1, Events: 2), summary);
    }

    [Fact]
    public async Task Json_given_as_text_is_kept_exactly_even_when_not_canonical()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        string json = SitrepJson.Serialize(StoreDocuments.Full("pretty-1"), indented: true);

        await store.PutAsync(StoredDocument.FromJson(json), Token);

        Assert.Equal(json, await store.GetJsonAsync("pretty-1", Token));
    }

    [Fact]
    public async Task Unknown_article_id_reads_as_null()
    {
        await using IDocumentStore store = await CreateStoreAsync();

        Assert.Null(await store.GetJsonAsync("nope", Token));
    }

    [Fact]
    public async Task Same_document_twice_is_stored_once_as_a_duplicate()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        StoredDocument document = StoreDocuments.Numbered(1);

        IngestResult first = await store.PutAsync(document, Token);
        IngestResult second = await store.PutAsync(StoredDocument.FromJson(document.Json), Token);

        Assert.Equal(IngestStatus.New, first.Status);
        Assert.Equal(IngestStatus.Duplicate, second.Status);
        Assert.Equal(1, (await store.GetSummaryAsync(Token)).Articles);
    }

    [Fact]
    public async Task Changed_document_with_the_same_id_replaces_its_predecessor_and_all_its_rows()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        SitrepDocumentModel full = StoreDocuments.Full("same-id");
        await store.PutAsync(StoredDocument.FromModel(full), Token);
        var smaller = StoredDocument.FromModel(full with { Events = [full.Events[1]], Quotes = [], Article = full.Article with { Title = "Lviv" } });

        IngestResult result = await store.PutAsync(smaller, Token);

        Assert.Equal(IngestStatus.Updated, result.Status);
        Assert.Equal(smaller.Json, await store.GetJsonAsync("same-id", Token));
        StoreSummary summary = await store.GetSummaryAsync(Token);
        Assert.Equal((1L, 1L, 0L, 2L), (summary.Articles, summary.Events, summary.Quotes, summary.Places));
        Assert.Equal(["V2"], (await store.FindEventsAsync(new EventQuery(), Token)).Select(e => e.EventId));
        Assert.Empty(await store.FindArticlesAsync(new ArticleQuery { Text = "bombardée" }, Token));
        Assert.Single(await store.FindArticlesAsync(new ArticleQuery { Text = "Lviv" }, Token));
    }

    [Fact]
    public async Task Document_the_schema_refuses_fails_alone_with_a_reason_and_the_store_goes_on()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        SitrepDocumentModel full = StoreDocuments.Full("twice-e1");
        var invalid = StoredDocument.FromModel(full with { Entities = [full.Entities[0], full.Entities[0]] });

        IngestResult failed = await store.PutAsync(invalid, Token);
        StoredDocument valid = StoreDocuments.Numbered(1);
        IngestResult stored = await store.PutAsync(valid, Token);

        Assert.Equal(IngestStatus.Failed, failed.Status);
        Assert.Contains("refused by the store", failed.Error, StringComparison.Ordinal);
        Assert.Equal(IngestStatus.New, stored.Status);
        Assert.Null(await store.GetJsonAsync("twice-e1", Token));
        StoreSummary summary = await store.GetSummaryAsync(Token);
        Assert.Equal((1L, (long)valid.Model.Entities.Length), (summary.Articles, summary.Entities));
    }

    [Fact]
    public async Task Batch_put_gives_each_document_its_own_status()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        SitrepDocumentModel full = StoreDocuments.Full("batch-a");
        var a = StoredDocument.FromModel(full);
        var changedA = StoredDocument.FromModel(full with { Events = [] });
        var invalid = StoredDocument.FromModel(StoreDocuments.Full("batch-c") with { Places = [full.Places[0], full.Places[0]] });

        IReadOnlyList<IngestResult> results = await store.PutManyAsync([a, a, StoreDocuments.Numbered(2), invalid, changedA], Token);

        Assert.Equal([IngestStatus.New, IngestStatus.Duplicate, IngestStatus.New, IngestStatus.Failed, IngestStatus.Updated], results.Select(r => r.Status));
        Assert.Equal(changedA.Json, await store.GetJsonAsync("batch-a", Token));
        Assert.Null(await store.GetJsonAsync("batch-c", Token));
        StoreSummary summary = await store.GetSummaryAsync(Token);
        Assert.Equal((2L, 0L, 2L), (summary.Articles, summary.Events, summary.Places));
    }

    [Fact]
    public async Task Document_without_an_id_is_stored_under_the_content_id_of_its_text()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        SitrepDocumentModel full = StoreDocuments.Full();
        var document = StoredDocument.FromModel(full with { Article = full.Article with { Id = "" } });

        IngestResult result = await store.PutAsync(document, Token);

        Assert.Equal(Pipeline.ExtractionPipeline.ContentId(full.Text), result.ArticleId);
        Assert.Equal(document.Json, await store.GetJsonAsync(result.ArticleId!, Token));
    }

    [Fact]
    public async Task Full_text_search_matches_title_and_text_ignoring_case_and_accents()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        await store.PutAsync(StoreDocuments.Extracted("a", "Les pompiers ont évacué l'école de Nîmes.", title: "Évacuation à Nîmes"), Token);
        await store.PutAsync(StoreDocuments.Extracted("b", "Le conseil municipal a voté le budget.", title: "Budget"), Token);
        await store.PutAsync(StoreDocuments.Extracted("c", "Firefighters evacuated a school in the north.", language: "en", title: "School"), Token);

        Assert.Equal(["a"], Ids(await store.FindArticlesAsync(new ArticleQuery { Text = "nimes" }, Token)));
        Assert.Equal(["a"], Ids(await store.FindArticlesAsync(new ArticleQuery { Text = "EVACUATION" }, Token)));
        Assert.Equal(["a", "c"], Ids(await store.FindArticlesAsync(new ArticleQuery { Text = "evacu*" }, Token)).Order(StringComparer.Ordinal));
        Assert.Equal(["c"], Ids(await store.FindArticlesAsync(new ArticleQuery { Text = "evacu*", Language = "en" }, Token)));
        Assert.Empty(await store.FindArticlesAsync(new ArticleQuery { Text = "budget pompiers" }, Token));
        Assert.Empty(await store.FindArticlesAsync(new ArticleQuery { Text = "\" AND OR ( *" }, Token));
    }

    [Fact]
    public async Task Article_filters_select_by_publication_day_language_and_limit()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        foreach (StoredDocument document in StoreDocuments.Batch(10))
        {
            await store.PutAsync(document, Token);
        }

        await store.PutAsync(StoreDocuments.Extracted("undated", "Un article sans date de publication.", published: null), Token);

        IReadOnlyList<ArticleSummary> range = await store.FindArticlesAsync(new ArticleQuery { Since = new DateOnly(2022, 5, 3), Until = new DateOnly(2022, 5, 5) }, Token);
        Assert.Equal(["article-0004", "article-0003", "article-0002"], Ids(range));
        Assert.Equal(11, (await store.FindArticlesAsync(new ArticleQuery { Limit = null }, Token)).Count);
        Assert.Equal(4, (await store.FindArticlesAsync(new ArticleQuery { Limit = 4 }, Token)).Count);
        Assert.Empty(await store.FindArticlesAsync(new ArticleQuery { Language = "en" }, Token));
        ArticleSummary first = (await store.FindArticlesAsync(new ArticleQuery { Limit = 1 }, Token))[0];
        Assert.Equal(("article-0009", "fr", "2022-05-10"), (first.Id, first.Language, first.Published));
    }

    [Fact]
    public async Task Event_filters_select_by_type_country_actor_place_date_and_modality()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        await store.PutAsync(StoredDocument.FromModel(StoreDocuments.Full()), Token);

        async Task<string[]> Events(EventQuery query) => [.. (await store.FindEventsAsync(query, Token)).Select(e => e.EventId)];

        Assert.Equal(["V1", "V2"], await Events(new EventQuery()));
        Assert.Equal(["V1"], await Events(new EventQuery { Type = "assault" }));
        Assert.Equal(["V1", "V2"], await Events(new EventQuery { Country = "UA" }));
        Assert.Equal(["V1"], await Events(new EventQuery { Country = "RUS" }));
        Assert.Equal(["V1", "V2"], await Events(new EventQuery { Country = "UKR" }));
        Assert.Equal(["V1"], await Events(new EventQuery { Actor = "forces russes" }));
        Assert.Equal(["V2"], await Events(new EventQuery { Place = "lviv" }));
        Assert.Equal(["V1"], await Events(new EventQuery { Since = new DateOnly(2022, 5, 1), Until = new DateOnly(2022, 5, 13) }));
        Assert.Equal(["V2"], await Events(new EventQuery { Since = new DateOnly(2022, 5, 14) }));
        Assert.Equal(["V2"], await Events(new EventQuery { Modality = "asserted" }));
        Assert.Empty(await Events(new EventQuery { Type = "ASSAULT", Modality = "asserted" }));
        Assert.Empty(await Events(new EventQuery { Country = "FR" }));

        EventRecord assault = (await store.FindEventsAsync(new EventQuery { Type = "ASSAULT" }, Token))[0];
        Assert.Equal(("full-1", "Kharkiv", "UA", 49.98, 2, "2022-05-13"), (assault.ArticleId, assault.PlaceName, assault.Country, assault.Lat, assault.Dead, assault.Date));
        Assert.Equal([new ParticipantRecord("Les forces russes", "RUS", "MIL")], assault.Actors);
        Assert.Equal([new ParticipantRecord("Kharkiv", "UKR", "CVL")], assault.Recipients);
    }

    [Fact]
    public async Task Event_radius_keeps_events_within_the_great_circle_distance_only()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        await store.PutAsync(StoredDocument.FromModel(StoreDocuments.Full()), Token);

        async Task<string[]> Near(double lat, double lon, double km) =>
            [.. (await store.FindEventsAsync(new EventQuery { Near = new GeoPoint(lat, lon), RadiusKm = km }, Token)).Select(e => e.EventId)];

        // Kharkiv (49.98, 36.25) and Lviv (49.84, 24.02) are about 880 km apart.
        Assert.Equal(["V1"], await Near(50.0, 36.2, 10));
        Assert.Equal(["V2"], await Near(49.84, 24.02, 1));
        Assert.Equal(["V1", "V2"], await Near(49.9, 30.0, 500));
        Assert.Empty(await Near(49.9, 30.0, 400));
        // A box corner is inside the bounding box but outside the circle: the exact distance decides.
        Assert.Empty(await Near(50.0 + 0.85, 36.25 + 1.3, 100));
    }

    [Fact]
    public async Task Event_text_filter_searches_the_events_article_and_sort_orders_by_date_or_dead()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        await store.PutAsync(StoredDocument.FromModel(StoreDocuments.Full()), Token);

        async Task<string[]> Events(EventQuery query) => [.. (await store.FindEventsAsync(query, Token)).Select(e => e.EventId)];

        Assert.Equal(["V1", "V2"], await Events(new EventQuery { Text = "céderons" }));
        Assert.Equal(["V1", "V2"], await Events(new EventQuery { Text = "KHARKIV bombardee" }));
        Assert.Empty(await Events(new EventQuery { Text = "inondations" }));
        Assert.Empty(await Events(new EventQuery { Text = "*" }));
        Assert.Equal(["V2", "V1"], await Events(new EventQuery { Sort = EventSort.DateDescending }));
        Assert.Equal(["V1", "V2"], await Events(new EventQuery { Sort = EventSort.Dead }));
        Assert.Equal(["V2"], await Events(new EventQuery { Limit = 1, Offset = 1 }));
    }

    [Fact]
    public async Task Event_record_carries_what_exports_need()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        await store.PutAsync(StoredDocument.FromModel(StoreDocuments.Full()), Token);

        EventRecord assault = (await store.FindEventsAsync(new EventQuery { Type = "ASSAULT" }, Token))[0];

        Assert.Equal(("Explosions/Remote violence", "Air/drone strike", "19"), (assault.AcledEventType, assault.AcledSubEventType, assault.CameoRoot));
        Assert.Equal(("Kharkiv", "city", "le président ukrainien Volodymyr Zelensky"), (assault.Admin1, assault.GeoPrecision, assault.Reporter));
        Assert.Equal(0, assault.Sentence);
        Assert.StartsWith("Les forces russes ont bombardé Kharkiv", assault.SentenceText, StringComparison.Ordinal);
        Assert.Equal("bombardé", StoreDocuments.FullText[assault.TriggerStart..assault.TriggerEnd]);
        Assert.Equal(("Kharkiv bombardée", "https://example.org/kharkiv", "Exemple Presse", "2022-05-14T09:30:00+02:00"),
            (assault.ArticleTitle, assault.ArticleUrl, assault.ArticleSource, assault.ArticlePublished));
    }

    [Fact]
    public async Task Entities_and_places_are_listed_by_name_with_counts_across_articles()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        await store.PutManyAsync([StoredDocument.FromModel(StoreDocuments.Full()), StoredDocument.FromModel(StoreDocuments.Full("full-2"))], Token);

        IReadOnlyList<EntitySummary> entities = await store.FindEntitiesAsync(new NameQuery(), Token);
        Assert.Equal(3, entities.Count);
        Assert.Contains(new EntitySummary("Volodymyr Zelensky", "PER", "UA", 2, 2), entities);
        Assert.Equal([new EntitySummary("Kharkiv", "LOC", "UA", 2, 2)], await store.FindEntitiesAsync(new NameQuery { Name = "khar" }, Token));
        Assert.Equal(["Volodymyr Zelensky"], (await store.FindEntitiesAsync(new NameQuery { Type = "per" }, Token)).Select(e => e.Name));
        Assert.Single(await store.FindEntitiesAsync(new NameQuery { Limit = 1, Offset = 2 }, Token));
        Assert.Empty(await store.FindEntitiesAsync(new NameQuery { Country = "FR" }, Token));

        IReadOnlyList<PlaceSummary> places = await store.FindPlacesAsync(new NameQuery(), Token);
        Assert.Equal(["Kharkiv", "Lviv"], places.Select(p => p.Name));
        Assert.Equal(new PlaceSummary("Kharkiv", "UA", "Kharkiv", 706483, 49.98, 36.25, "city", 2, 2), places[0]);
        Assert.Equal(["Lviv"], (await store.FindPlacesAsync(new NameQuery { Name = "LVIV", Country = "ua" }, Token)).Select(p => p.Name));
        Assert.Equal(["Lviv"], (await store.FindPlacesAsync(new NameQuery { Offset = 1 }, Token)).Select(p => p.Name));
    }

    [Fact]
    public async Task Event_dates_given_as_a_month_or_week_match_the_days_they_cover()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        SitrepDocumentModel full = StoreDocuments.Full();
        await store.PutAsync(StoredDocument.FromModel(full with
        {
            Events = [full.Events[0] with { Date = new EventDateModel(null, "2022-05", "month") }, full.Events[1] with { Date = new EventDateModel(null, "2022-W19", "week") }],
        }), Token);

        IReadOnlyList<EventRecord> june = await store.FindEventsAsync(new EventQuery { Since = new DateOnly(2022, 5, 31), Until = new DateOnly(2022, 6, 30) }, Token);
        IReadOnlyList<EventRecord> week = await store.FindEventsAsync(new EventQuery { Since = new DateOnly(2022, 5, 15), Until = new DateOnly(2022, 5, 15) }, Token);

        Assert.Equal(["V1"], june.Select(e => e.EventId));
        Assert.Equal(["V1", "V2"], week.Select(e => e.EventId));
    }

    [Fact]
    public async Task Date_windows_find_events_dated_by_a_year_month_or_week_that_began_before_them_exactly()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        SitrepDocumentModel full = StoreDocuments.Full();
        EventModel year = full.Events[0] with { Id = "Y", Date = new EventDateModel(null, "2022", "year") };
        EventModel month = full.Events[0] with { Id = "M", Date = new EventDateModel(null, "2022-04", "month") };
        EventModel week = full.Events[1] with { Id = "W", Date = new EventDateModel(null, "2022-W23", "week") };
        EventModel day = full.Events[1] with { Id = "D", Date = new EventDateModel(null, "2022-06-05", "day") };
        await store.PutAsync(StoredDocument.FromModel(full with { Events = [year, month, week, day] }), Token);

        async Task<string[]> Window(int fromMonth, int fromDay, int toMonth, int toDay, EventSort sort = EventSort.Date) =>
            [.. (await store.FindEventsAsync(new EventQuery { Since = new DateOnly(2022, fromMonth, fromDay), Until = new DateOnly(2022, toMonth, toDay), Sort = sort }, Token)).Select(e => e.EventId)];

        // Week 23 of 2022 is June 6-12: it began 6 days before June 12; the year began 162 days before.
        Assert.Equal(["Y", "D", "W"], await Window(6, 5, 6, 12));
        Assert.Equal(["Y", "W"], await Window(6, 12, 6, 30));
        Assert.Equal(["W", "Y"], await Window(6, 12, 6, 30, EventSort.DateDescending));
        Assert.Equal(["Y", "M"], await Window(4, 30, 5, 2));
        Assert.Equal(["Y"], await Window(6, 13, 12, 31));
        Assert.Equal(["Y", "M", "D", "W"], await Window(1, 1, 12, 31));
        Assert.Equal(["D"], (await store.FindEventsAsync(new EventQuery { Since = new DateOnly(2022, 6, 5), Until = new DateOnly(2022, 6, 5), Type = "PROTEST" }, Token)).Select(e => e.EventId));
    }

    private static SitrepDocumentModel ElsewhereAndOtherwise(SitrepDocumentModel full) => full with
    {
        // The assault in Lviv, about 880 km from Kharkiv; talks instead of a protest.
        Events = [full.Events[0] with { Location = full.Events[0].Location! with { Place = "P2" } }, full.Events[1] with { Type = "CONSULT" }],
    };

    private async Task<string[]> MergedAsync(IDocumentStore store, EventQuery? query = null) =>
        [.. (await store.FindEventsAsync(query ?? new EventQuery(), Token))
            .Select(e => $"{e.ArticleId}/{e.EventId}:{e.Sources}:{string.Join(",", e.Reports.Select(r => r.ArticleId + "/" + r.EventId))}")];

    [Fact]
    public async Task Two_articles_reporting_the_same_event_are_listed_as_one_event_with_two_sources_issue_9()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        await store.PutAsync(StoredDocument.FromModel(StoreDocuments.Full("wire-a")), Token);
        await store.PutAsync(StoredDocument.FromModel(StoreDocuments.Full("paper-b")), Token);

        Assert.Equal(["wire-a/V1:2:wire-a/V1,paper-b/V1", "wire-a/V2:2:wire-a/V2,paper-b/V2"], await MergedAsync(store));
        EventRecord assault = (await store.FindEventsAsync(new EventQuery { Type = "ASSAULT", Country = "RUS", Since = new DateOnly(2022, 5, 13) }, Token)).Single();
        EventReportRecord second = assault.Reports[1];
        Assert.Equal(("paper-b", "V1", "bombardé", "Exemple Presse", 0), (second.ArticleId, second.EventId, second.Trigger, second.ArticleSource, second.Sentence));
        Assert.Equal("bombardé", StoreDocuments.FullText[second.TriggerStart..second.TriggerEnd]);
        Assert.Equal(["paper-b/V1:1:", "wire-a/V1:1:", "paper-b/V2:1:", "wire-a/V2:1:"], await MergedAsync(store, new EventQuery { Unmerged = true }));
        Assert.Equal(StoredDocument.FromModel(StoreDocuments.Full("paper-b")).Json, await store.GetJsonAsync("paper-b", Token));
    }

    [Fact]
    public async Task Events_of_other_types_or_far_apart_stay_separate_and_one_articles_events_never_merge_issue_9()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        SitrepDocumentModel full = StoreDocuments.Full("wire-a");
        await store.PutAsync(StoredDocument.FromModel(full with { Events = [full.Events[0], full.Events[0] with { Id = "V9" }, full.Events[1]] }), Token);
        await store.PutAsync(StoredDocument.FromModel(ElsewhereAndOtherwise(StoreDocuments.Full("paper-b"))), Token);
        await store.PutAsync(StoredDocument.FromModel(StoreDocuments.Full("paper-c") with { Events = [full.Events[0]] }), Token);

        Assert.Equal(
            ["paper-b/V1:1:paper-b/V1", "wire-a/V1:2:wire-a/V1,paper-c/V1", "wire-a/V9:1:wire-a/V9", "paper-b/V2:1:paper-b/V2", "wire-a/V2:1:wire-a/V2"],
            await MergedAsync(store));
    }

    [Fact]
    public async Task Ingesting_the_same_articles_again_changes_no_merged_event_issue_9()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        StoredDocument[] documents = [StoredDocument.FromModel(StoreDocuments.Full("wire-a")), StoredDocument.FromModel(StoreDocuments.Full("paper-b"))];
        await store.PutManyAsync(documents, Token);
        string[] before = await MergedAsync(store);

        IReadOnlyList<IngestResult> again = await store.PutManyAsync(documents, Token);
        await store.PutAsync(documents[0], Token);

        Assert.All(again, r => Assert.Equal(IngestStatus.Duplicate, r.Status));
        Assert.Equal(["wire-a/V1:2:wire-a/V1,paper-b/V1", "wire-a/V2:2:wire-a/V2,paper-b/V2"], before);
        Assert.Equal(before, await MergedAsync(store));
    }

    [Fact]
    public async Task Updated_article_has_its_events_links_rebuilt_and_the_reports_merged_into_them_relinked_issue_9()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        SitrepDocumentModel a = StoreDocuments.Full("wire-a");
        await store.PutAsync(StoredDocument.FromModel(a), Token);
        await store.PutAsync(StoredDocument.FromModel(StoreDocuments.Full("paper-b")), Token);
        await store.PutAsync(StoredDocument.FromModel(StoreDocuments.Full("paper-c")), Token);

        // wire-a's assault moves to Lviv: the reports of paper-b and paper-c that had joined its events stay together,
        // paper-b's first now; its protest joins them again as the latest report.
        IngestResult moved = await store.PutAsync(StoredDocument.FromModel(ElsewhereAndOtherwise(a) with { Events = [ElsewhereAndOtherwise(a).Events[0], a.Events[1]] }), Token);
        Assert.Equal(IngestStatus.Updated, moved.Status);
        Assert.Equal(
            ["paper-b/V1:2:paper-b/V1,paper-c/V1", "wire-a/V1:1:wire-a/V1", "paper-b/V2:3:paper-b/V2,paper-c/V2,wire-a/V2"],
            await MergedAsync(store));

        // Back to Kharkiv: it joins them again, now as the latest report.
        await store.PutAsync(StoredDocument.FromModel(a with { Article = a.Article with { Title = "Kharkiv bombardée (mise à jour)" } }), Token);
        Assert.Equal(
            ["paper-b/V1:3:paper-b/V1,paper-c/V1,wire-a/V1", "paper-b/V2:3:paper-b/V2,paper-c/V2,wire-a/V2"],
            await MergedAsync(store));
    }

    [Fact]
    public async Task Writers_storing_reports_of_one_event_at_once_make_one_event_with_every_source_issue_9()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        await store.MigrateAsync(Token);
        IDocumentStore[] writers = [.. Enumerable.Range(0, 6).Select(_ => OpenSame(store))];
        try
        {
            await Task.WhenAll(writers.Select((w, i) => Task.Run(() => w.PutAsync(StoredDocument.FromModel(StoreDocuments.Full($"copy-{i}")), Token), Token)));
        }
        finally
        {
            foreach (IDocumentStore writer in writers)
            {
                await writer.DisposeAsync();
            }
        }

        IReadOnlyList<EventRecord> events = await store.FindEventsAsync(new EventQuery(), Token);
        Assert.Equal([6, 6], events.Select(e => e.Sources));
        Assert.All(events, e => Assert.Equal(6, e.Reports.Select(r => r.ArticleId).Distinct().Count()));
        Assert.Equal(12, (await store.FindEventsAsync(new EventQuery { Unmerged = true }, Token)).Count);
    }

    [Fact]
    public async Task Migrating_again_applies_nothing_and_keeps_the_data()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        MigrationResult first = await store.MigrateAsync(Token);
        await store.PutAsync(StoreDocuments.Numbered(1), Token);

        MigrationResult second = await store.MigrateAsync(Token);
        await using IDocumentStore other = OpenSame(store);
        MigrationResult third = await other.MigrateAsync(Token);

        Assert.True(first.ToVersion >= 1);
        Assert.Empty(second.Applied);
        Assert.Equal((first.ToVersion, first.ToVersion), (second.FromVersion, second.ToVersion));
        Assert.Empty(third.Applied);
        Assert.Equal(1, (await other.GetSummaryAsync(Token)).Articles);
    }

    [Fact]
    public async Task Readers_during_a_write_see_only_whole_committed_articles()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        await store.MigrateAsync(Token);
        var documents = StoreDocuments.Batch(40);
        var expected = documents.ToDictionary(d => d.ArticleId, d => d.Json, StringComparer.Ordinal);
        var problems = new ConcurrentQueue<string>();
        using var done = new CancellationTokenSource();

        var writer = Task.Run(async () =>
        {
            foreach (StoredDocument document in documents)
            {
                await store.PutAsync(document, Token);
            }
        }, Token);

        async Task Read()
        {
            await using IDocumentStore reader = OpenSame(store);
            long seen = 0;
            while (!done.IsCancellationRequested)
            {
                StoreSummary summary = await reader.GetSummaryAsync(Token);
                if (summary.Articles < seen || summary.Sentences < summary.Articles)
                {
                    problems.Enqueue($"counts went from {seen} to {summary.Articles} articles with {summary.Sentences} sentences");
                }

                seen = summary.Articles;
                foreach (ArticleSummary article in await reader.FindArticlesAsync(new ArticleQuery { Limit = null }, Token))
                {
                    string? json = await reader.GetJsonAsync(article.Id, Token);
                    if (json != expected[article.Id])
                    {
                        problems.Enqueue($"{article.Id} read back different");
                    }
                }
            }
        }

        Task[] readers = [Task.Run(Read, Token), Task.Run(Read, Token)];
        await writer;
        await done.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Empty(problems);
        Assert.Equal(40, (await store.GetSummaryAsync(Token)).Articles);
    }

    [Fact]
    public async Task Republished_wire_copy_is_stored_and_linked_to_the_earlier_original_with_its_similarity()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        StoredDocument original = StoreDocuments.Extracted("wire-1", StoreDocuments.WireStory);
        StoredDocument copy = StoreDocuments.Extracted("paper-1", StoreDocuments.WireCopy, title: "Gard : deux morts");

        IngestResult first = await store.PutAsync(original, Token);
        IngestResult second = await store.PutAsync(copy, Token);

        Assert.Equal(new IngestResult("wire-1", IngestStatus.New), first);
        Assert.Equal((IngestStatus.New, "wire-1"), (second.Status, second.NearDuplicateOf));
        Assert.InRange(second.Similarity!.Value, 0.5, 0.95);
        Assert.Equal(copy.Json, await store.GetJsonAsync("paper-1", Token));
        ArticleSummary linked = Assert.Single(await store.FindArticlesAsync(new ArticleQuery { DuplicatesOf = "wire-1" }, Token));
        Assert.Equal(("paper-1", "wire-1", second.Similarity), (linked.Id, linked.DuplicateOf, linked.Similarity));
        Assert.Equal(["wire-1"], Ids(await store.FindArticlesAsync(new ArticleQuery { CollapseDuplicates = true }, Token)));
        Assert.Equal(2, (await store.FindArticlesAsync(new ArticleQuery(), Token)).Count);
        Assert.Equal(["wire-1"], Ids(await store.FindArticlesAsync(new ArticleQuery { Text = "Sommières", CollapseDuplicates = true }, Token)));
    }

    [Fact]
    public async Task Different_articles_on_the_same_story_are_not_linked()
    {
        await using IDocumentStore store = await CreateStoreAsync();

        await store.PutAsync(StoreDocuments.Extracted("wire-1", StoreDocuments.WireStory), Token);
        IngestResult other = await store.PutAsync(StoreDocuments.Extracted("other-1", StoreDocuments.SameStory), Token);
        IngestResult unrelated = await store.PutAsync(StoreDocuments.Numbered(1), Token);

        Assert.Equal((IngestStatus.New, null, null), (other.Status, other.NearDuplicateOf, other.Similarity));
        Assert.Null(unrelated.NearDuplicateOf);
        Assert.Equal(3, (await store.FindArticlesAsync(new ArticleQuery { CollapseDuplicates = true }, Token)).Count);
    }

    [Fact]
    public async Task Copy_links_to_the_most_similar_earlier_article_and_an_updated_original_keeps_its_copies()
    {
        await using IDocumentStore store = await CreateStoreAsync();
        await store.PutAsync(StoreDocuments.Extracted("wire-1", StoreDocuments.WireStory), Token);
        await store.PutAsync(StoreDocuments.Extracted("paper-1", StoreDocuments.WireCopy), Token);

        IngestResult exact = await store.PutAsync(StoreDocuments.Extracted("paper-2", StoreDocuments.WireCopy, title: "Autre titre"), Token);
        IngestResult updated = await store.PutAsync(StoreDocuments.Extracted("wire-1", StoreDocuments.WireStory, title: "Mise à jour"), Token);

        Assert.Equal(("paper-1", 1.0), (exact.NearDuplicateOf, exact.Similarity));
        Assert.Equal((IngestStatus.Updated, null), (updated.Status, updated.NearDuplicateOf));
        Assert.Equal(["paper-1"], Ids(await store.FindArticlesAsync(new ArticleQuery { DuplicatesOf = "wire-1" }, Token)));
        Assert.Equal(["wire-1"], Ids(await store.FindArticlesAsync(new ArticleQuery { CollapseDuplicates = true }, Token)));
    }

    [Fact]
    public async Task Copies_in_one_batch_link_to_the_batch_articles_before_them()
    {
        await using IDocumentStore store = await CreateStoreAsync();

        IReadOnlyList<IngestResult> results = await store.PutManyAsync(
            [StoreDocuments.Extracted("wire-1", StoreDocuments.WireStory), StoreDocuments.Numbered(1), StoreDocuments.Extracted("paper-1", StoreDocuments.WireCopy)], Token);

        Assert.Equal([null, null, "wire-1"], results.Select(r => r.NearDuplicateOf));
        Assert.Equal("ok", await store.CheckIntegrityAsync(Token));
    }

    [Fact]
    public async Task Article_without_words_is_stored_and_never_linked()
    {
        await using IDocumentStore store = await CreateStoreAsync();

        IngestResult first = await store.PutAsync(StoreDocuments.Extracted("dots-1", "… — …"), Token);
        IngestResult second = await store.PutAsync(StoreDocuments.Extracted("dots-2", "— … —"), Token);

        Assert.Equal((IngestStatus.New, IngestStatus.New), (first.Status, second.Status));
        Assert.Equal((null, null), (first.NearDuplicateOf, second.NearDuplicateOf));
    }

    private static string[] Ids(IEnumerable<ArticleSummary> articles) => [.. articles.Select(a => a.Id)];
}
