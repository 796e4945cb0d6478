using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Sitrep.Duplicates;
using Sitrep.Pipeline;
using Sitrep.Serialization;
using Sitrep.Storage;
using Sitrep.Storage.Sqlite;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep eval dedup</c>: near-duplicate article linking on wire-copy clusters built from the corpora.</summary>
internal static class EvalDedupCommand
{
    public static Command Create()
    {
        var corpora = CorporaOption.Create();
        var split = new Option<string>("--split") { Description = "dev (even positions: where the threshold was chosen), test (odd positions) or all (both, each scored apart).", DefaultValueFactory = _ => "test" };
        split.AcceptOnlyFromAmong("dev", "test", "all");
        var thresholds = new Option<string>("--thresholds") { Description = "Estimated-Jaccard thresholds to score, comma-separated.", DefaultValueFactory = _ => "0.3,0.4,0.5,0.6,0.7" };
        var seed = new Option<int>("--seed") { Description = "Seed of the copy generator.", DefaultValueFactory = _ => DuplicateCorpus.DefaultSeed };
        var errors = new Option<int>("--errors") { Description = "Print up to this many wrong links per threshold.", DefaultValueFactory = _ => 0 };
        var throughStore = new Option<bool>("--through-store")
        {
            Description = "Also put every article (text only, no extraction) into a new temporary SQLite store and score the links it makes at the default threshold.",
        };
        var events = new Option<bool>("--events")
        {
            Description = "Also extract every article and score the merging of events across articles (pairwise P/R/F1 of events reported by several articles).",
        };
        var command = new Command("dedup", "Near-duplicate articles: pairwise merge P/R/F1 on wire-copy clusters built from PolNeAR and GeoWebNews texts.")
        {
            corpora, split, thresholds, seed, errors, throughStore, events,
        };
        command.SetAction((parse, cancellationToken) => Run(
            parse.GetValue(corpora), parse.GetValue(split)!, parse.GetValue(thresholds)!, parse.GetValue(seed), parse.GetValue(errors), parse.GetValue(throughStore),
            parse.GetValue(events), cancellationToken));
        return command;
    }

    private static async Task<int> Run(string? corporaOption, string split, string thresholdList, int seed, int errors, bool throughStore, bool events, CancellationToken cancellationToken)
    {
        if (CorporaOption.Require(corporaOption) is not string corpora)
        {
            return CliExit.Failure;
        }

        var thresholds = new List<double>();
        foreach (string item in thresholdList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out double t) || t <= 0 || t > 1)
            {
                return CliExit.Fail($"--thresholds: '{item}' is not a number in (0, 1]");
            }

            thresholds.Add(t);
        }

        var texts = DuplicateCorpus.LoadTexts(corpora);
        if (texts.Length < 4)
        {
            return CliExit.Fail($"{Path.Combine(corpora, DuplicateCorpus.PolNearFolder)} and {Path.Combine(corpora, DuplicateCorpus.GeoWebNewsFolder)}: too few texts found");
        }

        foreach (bool test in split switch { "dev" => [false], "test" => [true], _ => new[] { false, true } })
        {
            var articles = DuplicateCorpus.Build(texts, test, seed);
            int copies = articles.Count(a => a.Edits is not null);
            int sources = articles.Where(a => a.Edits is not null).Select(a => a.Cluster).Distinct().Count();
            var similarities = Quantiles(DuplicateEvaluation.CopySimilarities(articles));
            (string first, string second, double closest) = DuplicateEvaluation.ClosestDistinct(articles);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                {(test ? "test" : "dev")}: {articles.Length} articles ({sources} sources with {copies} copies, {articles.Length - sources - copies} alone), seed {seed}
                  similarity of each copy to its source: min {similarities[0]:0.00}, 5% {similarities[1]:0.00}, 25% {similarities[2]:0.00}, median {similarities[3]:0.00}
                  by corpus (articles / copies): {ByCorpus(articles)}
                  most similar articles of different clusters: {closest:0.00} ({first}, {second})
                """));
            foreach (double threshold in thresholds)
            {
                DuplicateScores scores = DuplicateEvaluation.Run(articles, threshold);
                double perArticle = scores.Elapsed.TotalMilliseconds / articles.Length;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  threshold {threshold:0.00}  pairs {scores.Pairs}  ({scores.Pairs.SystemCorrect}/{scores.Pairs.Predicted} predicted, {scores.Pairs.Expected} gold)  links {scores.Links}, {scores.WrongLinks.Length} wrong  {perArticle:0.000} ms/article"));
                foreach ((string article, string duplicateOf, double similarity) in scores.WrongLinks.Take(errors))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    wrong link {similarity:0.00}: {article} -> {duplicateOf}"));
                }
            }

            if (throughStore)
            {
                await ThroughStoreAsync(articles, cancellationToken).ConfigureAwait(false);
            }

            if (events)
            {
                PrintEventMerging(articles, errors, cancellationToken);
            }
        }

        return CliExit.Success;
    }

    /// <summary>
    /// Puts the collection, in order, into a new SQLite store (each article a document with its text only: extraction
    /// changes no word of it), one article per transaction as <c>sitrep ingest</c> does, and scores the links the store
    /// makes; they must be the in-memory index's at the default threshold.
    /// </summary>
    private static async Task ThroughStoreAsync(IReadOnlyList<DuplicateCorpusArticle> articles, CancellationToken cancellationToken)
    {
        string directory = Directory.CreateTempSubdirectory("sitrep-eval-dedup-").FullName;
        try
        {
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            var matches = new NearDuplicateMatch<int>?[articles.Count];
            var clock = new Stopwatch();
            await using (var store = new SqliteDocumentStore(Path.Combine(directory, "dedup.db")))
            {
                await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
                for (int i = 0; i < articles.Count; i++)
                {
                    numbers[articles[i].Id] = i;
                    var document = StoredDocument.FromModel(new SitrepDocumentModel
                    {
                        Article = new ArticleModel { Id = articles[i].Id, Language = articles[i].Id.StartsWith("frtimebank/", StringComparison.Ordinal) ? "fr" : "en" },
                        Text = articles[i].Text,
                    });
                    clock.Start();
                    IngestResult result = await store.PutAsync(document, cancellationToken).ConfigureAwait(false);
                    clock.Stop();
                    if (result.NearDuplicateOf is string duplicateOf)
                    {
                        matches[i] = new NearDuplicateMatch<int>(numbers[duplicateOf], result.Similarity ?? 0);
                    }
                }
            }

            DuplicateScores stored = DuplicateEvaluation.Score(articles, matches, NearDuplicateDetector.DefaultThreshold, clock.Elapsed);
            DuplicateScores memory = DuplicateEvaluation.Run(articles, NearDuplicateDetector.DefaultThreshold);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  through SQLite, threshold {NearDuplicateDetector.DefaultThreshold:0.00}  pairs {stored.Pairs}  links {stored.Links}, {stored.WrongLinks.Length} wrong  {clock.Elapsed.TotalMilliseconds / articles.Count:0.000} ms/article put  ({(stored.Pairs == memory.Pairs && stored.Links == memory.Links ? "same as in memory" : "DIFFERENT from in memory")})"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void PrintEventMerging(IReadOnlyList<DuplicateCorpusArticle> articles, int errors, CancellationToken cancellationToken)
    {
        var pipeline = new ExtractionPipelineBuilder().UseDefaults().Build();
        EventMergeScores scores = EventMergeEvaluation.Run(articles, pipeline, EventMergeRules.Default, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  events merged across articles  pairs {scores.Pairs}  ({scores.Pairs.SystemCorrect}/{scores.Pairs.Predicted} predicted, {scores.Pairs.Expected} gold)  {scores.Reports} reports in {scores.Articles} articles -> {scores.Events} events  {scores.Elapsed.TotalMilliseconds / Math.Max(1, scores.Reports):0.000} ms/report"));
        Console.WriteLine("    gold pairs missed, by the rule that kept them apart: "
            + string.Join(", ", scores.Missed.OrderByDescending(m => m.Value).Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value}"))));
        foreach ((string first, string second, string type) in scores.WrongMerges.Take(errors))
        {
            Console.WriteLine($"    wrong merge {type}: {first} + {second}");
        }
    }

    /// <summary>Articles and copies per corpus, from the id prefix ("polnear 610 / 210, geowebnews …").</summary>
    private static string ByCorpus(IReadOnlyList<DuplicateCorpusArticle> articles) => string.Join(", ", articles
        .GroupBy(a => a.Id[..a.Id.IndexOf('/', StringComparison.Ordinal)], StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()} / {g.Count(a => a.Edits is not null)}")));

    /// <summary>Minimum, 5th and 25th percentiles and median of a sorted list (all 0 when it is empty).</summary>
    private static double[] Quantiles(IReadOnlyList<double> sorted) =>
        sorted.Count == 0 ? [0, 0, 0, 0] : [sorted[0], sorted[sorted.Count / 20], sorted[sorted.Count / 4], sorted[sorted.Count / 2]];
}
