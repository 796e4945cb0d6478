using Sitrep.Duplicates;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Duplicates;

/// <summary>Issue 9: near-duplicate linking on the wire-copy clusters of <c>sitrep eval dedup</c> (test half), with floors.</summary>
public sealed class NearDuplicateCorpusTests
{
    [Fact]
    public void Wire_copies_built_from_the_corpora_are_linked_to_their_sources_and_nothing_else()
    {
        string corpora = TestPaths.RequireCorpora();
        var texts = DuplicateCorpus.LoadTexts(corpora);
        Assert.SkipWhen(texts.Length < 100, $"{corpora}: PolNeAR and GeoWebNews texts not found: corpus test skipped");

        var articles = DuplicateCorpus.Build(texts, test: true);
        DuplicateScores scores = DuplicateEvaluation.Run(articles, NearDuplicateDetector.DefaultThreshold);

        // Measured 2026-12-02: P 1.000, R 0.961 (docs/QUALITY.md, "Duplicates").
        Assert.True(scores.Pairs.Precision >= 0.99, $"pairwise precision {scores.Pairs}");
        Assert.True(scores.Pairs.Recall >= 0.95, $"pairwise recall {scores.Pairs}");
    }

    [Fact]
    public void Events_of_wire_copies_are_merged_across_articles()
    {
        string corpora = TestPaths.RequireCorpora();
        var texts = DuplicateCorpus.LoadTexts(corpora);
        Assert.SkipWhen(texts.Length < 100, $"{corpora}: PolNeAR and GeoWebNews texts not found: corpus test skipped");

        var articles = DuplicateCorpus.Build(texts, test: true);
        var pipeline = new ExtractionPipelineBuilder().UseDefaults().Build();
        EventMergeScores scores = EventMergeEvaluation.Run(articles, pipeline, EventMergeRules.Default, TestContext.Current.CancellationToken);

        // Measured 2026-12-03: P 0.741, R 0.518 (docs/QUALITY.md, "Events merged across articles").
        Assert.True(scores.Pairs.Precision >= 0.70, $"pairwise precision {scores.Pairs}");
        Assert.True(scores.Pairs.Recall >= 0.48, $"pairwise recall {scores.Pairs}");
    }

    [Fact]
    public void Evaluation_collection_is_the_same_on_every_build()
    {
        string corpora = TestPaths.RequireCorpora();
        var texts = DuplicateCorpus.LoadTexts(corpora);
        Assert.SkipWhen(texts.Length < 100, $"{corpora}: PolNeAR and GeoWebNews texts not found: corpus test skipped");

        var first = DuplicateCorpus.Build(texts, test: false);
        var second = DuplicateCorpus.Build(texts, test: false);

        Assert.Equal(first, second);
    }
}
