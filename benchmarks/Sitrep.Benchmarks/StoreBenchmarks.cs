using System.Collections.Immutable;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Sitrep.Articles;
using Sitrep.Pipeline;
using Sitrep.Serialization;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Benchmarks;

/// <summary>
/// Ingest of already-extracted documents into a fresh SQLite store, per article (issue 9 target: ≥ 500 articles
/// per second, i.e. a mean under 2 ms). Articles are ~3,000-character slices of the benchmark text, extracted
/// once in setup and cycled under distinct ids, so every put is a new article. <see cref="Layers"/> = filled adds, per sentence, an entity, a place, a time and an event with
/// an actor and a recipient, as the later stages will, so the relational rows are not only sentences. Those events are
/// all one assault (same day, place and actors), so each article's events join the events of the articles before it
/// (merging at ingest, issue 9); filled-apart gives each article's events a day of their own, 30 days from the
/// previous article's, so nothing merges: the difference is what merging costs.
/// </summary>
[MemoryDiagnoser]
public class StoreBenchmarks
{
    private const int ArticleCount = 600;

    private ImmutableArray<StoredDocument> _documents = [];
    private ImmutableArray<string> _json = [];
    private string _directory = "";
    private SqliteDocumentStore _store = null!;
    private int _round;

    [Params("extracted", "filled", "filled-apart")]
    public string Layers { get; set; } = "extracted";

    [GlobalSetup]
    public void Setup()
    {
        List<(string Language, string Text)> texts = BenchmarkText.Articles();
        Article[] articles = [.. texts.Select((a, i) => new Article
        {
            Id = $"{a.Language}-{i.ToString(CultureInfo.InvariantCulture)}",
            Text = a.Text,
            Language = a.Language,
            Published = new PublicationDate(new DateOnly(2022, 5, 1).AddDays(i % 60)),
        })];

        // Each put is a new article: the extracted models are cycled under distinct ids.
        SitrepDocumentModel[] models = [.. articles.Select(a => SitrepJson.ToModel(SitrepExtractor.Default.Extract(a)))];
        var assault = new DateOnly(2022, 5, 13);
        _documents = [.. Enumerable.Range(0, ArticleCount).Select(i =>
        {
            SitrepDocumentModel model = models[i % models.Length];
            model = Layers switch
            {
                "filled" => Fill(model, assault),
                "filled-apart" => Fill(model, assault.AddDays(30 * i)),
                _ => model,
            };
            return StoredDocument.FromModel(model with { Article = model.Article with { Id = $"{model.Article.Id}-{i.ToString(CultureInfo.InvariantCulture)}" } });
        })];
        _json = [.. _documents.Select(d => d.Json)];
        _directory = Directory.CreateTempSubdirectory("sitrep-bench-").FullName;
        long bytes = _documents.Sum(d => (long)d.Json.Length);
        Console.WriteLine($"// {_documents.Length} documents from {models.Length} articles, {bytes / _documents.Length:N0} JSON characters each on average");
    }

    [IterationSetup]
    public void CreateStore()
    {
        _round++;
        _store = new SqliteDocumentStore(Path.Combine(_directory, $"bench-{_round.ToString(CultureInfo.InvariantCulture)}.db"));
        _store.MigrateAsync().GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void DisposeStore()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        foreach (string file in Directory.EnumerateFiles(_directory))
        {
            File.Delete(file);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    /// <summary>Mean time per article: one PutAsync, one transaction each.</summary>
    [Benchmark(OperationsPerInvoke = ArticleCount)]
    public async Task<int> Ingest()
    {
        int stored = 0;
        foreach (StoredDocument document in _documents)
        {
            IngestResult result = await _store.PutAsync(document).ConfigureAwait(false);
            stored += result.Status == IngestStatus.New ? 1 : 0;
        }

        return stored;
    }

    /// <summary>
    /// Mean time per article from the sitrep/1 JSON, as <c>sitrep ingest --input-format sitrep</c> reads it on one core: the
    /// document parsed (<see cref="StoredDocument.FromJson"/>, which also signs it and lists its event reports), then one
    /// PutAsync. <see cref="Ingest"/> starts from documents already made.
    /// </summary>
    [Benchmark(OperationsPerInvoke = ArticleCount)]
    public async Task<int> IngestFromJson()
    {
        int stored = 0;
        foreach (string json in _json)
        {
            IngestResult result = await _store.PutAsync(StoredDocument.FromJson(json)).ConfigureAwait(false);
            stored += result.Status == IngestStatus.New ? 1 : 0;
        }

        return stored;
    }

    /// <summary>Mean time per article: PutManyAsync in batches of 50, one transaction per batch, a savepoint per article.</summary>
    [Benchmark(OperationsPerInvoke = ArticleCount)]
    public async Task<int> IngestInBatches()
    {
        int stored = 0;
        foreach (StoredDocument[] batch in _documents.Chunk(50))
        {
            foreach (IngestResult result in await _store.PutManyAsync(batch).ConfigureAwait(false))
            {
                stored += result.Status == IngestStatus.New ? 1 : 0;
            }
        }

        return stored;
    }

    private static SitrepDocumentModel Fill(SitrepDocumentModel model, DateOnly day)
    {
        string date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var entities = ImmutableArray.CreateBuilder<EntityModel>();
        var places = ImmutableArray.CreateBuilder<PlaceModel>();
        var times = ImmutableArray.CreateBuilder<TimeModel>();
        var events = ImmutableArray.CreateBuilder<EventModel>();
        for (int s = 0; s < model.Sentences.Length; s++)
        {
            SentenceModel sentence = model.Sentences[s];
            if (sentence.Tokens.Length < 3)
            {
                continue;
            }

            TokenModel first = sentence.Tokens[0], second = sentence.Tokens[1], last = sentence.Tokens[^1];
            var firstSpan = new SpanModel(first.Start, first.End, first.Text);
            var secondSpan = new SpanModel(second.Start, second.End, second.Text);
            string n = s.ToString(CultureInfo.InvariantCulture);
            entities.Add(new EntityModel { Id = "E" + n, Type = "ORG", Name = first.Text, Mentions = [firstSpan], Roles = ["role"], Country = "UA" });
            places.Add(new PlaceModel
            {
                Id = "P" + n, Name = second.Text, GeonamesId = 706483, Lat = 49.98, Lon = 36.25, Country = "UA", Feature = "PPLA", Precision = "city",
                Mentions = [secondSpan],
            });
            times.Add(new TimeModel("T" + n, last.Start, last.End, last.Text, "DATE", date));
            events.Add(new EventModel
            {
                Id = "V" + n, Type = "ASSAULT", Trigger = secondSpan, Modality = "asserted", Sentence = s, Confidence = 0.5,
                Actors = [new ActorModel("E" + n, first.Start, first.End, first.Text, "RUS", "MIL")],
                Recipients = [new ActorModel(null, second.Start, second.End, second.Text, "UKR", "CVL")],
                Location = new LocationModel("P" + n, second.Start, second.End, second.Text),
                Date = new EventDateModel("T" + n, date, "day"),
            });
        }

        return model with { Entities = entities.ToImmutable(), Places = places.ToImmutable(), Times = times.ToImmutable(), Events = events.ToImmutable() };
    }
}
