using Sitrep.Corpora;
using Sitrep.Evaluation;
using Sitrep.Mentions.Places;

namespace Sitrep.Tests.Mentions.Places;

/// <summary>
/// Issue 5 scores on GeoWebNews (skipped, saying so, when ../shared/corpora is absent). The targets (94% within
/// 161 km, 90% exact, detection F1 85) are not met yet; these floors guard the current level on the held-out
/// fifth against regressions (docs/QUALITY.md has the numbers).
/// </summary>
public sealed class PlaceCorpusTests
{
    [Fact]
    public void Geoparser_keeps_its_resolution_and_detection_scores_on_the_held_out_fifth()
    {
        string corpora = TestPaths.RequireCorpora();
        Gazetteer? gazetteer = Gazetteer.Default;
        Assert.SkipWhen(gazetteer is null, "this build ships no gazetteer (models/gazetteer.bin.gz): corpus test skipped");
        GeoScores scores = GeoEvaluation.Run(GeoWebNews.Load(corpora, CorpusSplit.Dev), gazetteer!);

        Assert.True(scores.Accuracy161 >= 0.83, $"within 161 km {scores.Accuracy161:P1} < 83%");
        Assert.True(scores.ExactAccuracy >= 0.74, $"exact {scores.ExactAccuracy:P1} < 74%");
        Assert.True(scores.Detection.F1 >= 0.78, $"detection F1 {scores.Detection.F1:0.000} < 0.78");
    }

    [Fact]
    public void Corpus_reader_keeps_notes_modifiers_and_spans_aligned_with_the_text()
    {
        string corpora = TestPaths.RequireCorpora();
        IReadOnlyList<GeoWebNewsDocument> documents = GeoWebNews.Load(corpora);
        Assert.Equal(200, documents.Count);
        Assert.Equal(40, GeoWebNews.Load(corpora, CorpusSplit.Dev).Count);
        Assert.All(documents.SelectMany(d => d.Toponyms.Select(t => (d.Text, t))), x => Assert.Equal(x.t.Text, x.Text[x.t.Start..x.t.End]));
        GeoToponym[] toponyms = [.. documents.SelectMany(d => d.Toponyms)];
        Assert.Contains(toponyms, t => t.GeonamesId is not null);
        Assert.Contains(toponyms, t => t.Latitude is not null && t.GeonamesId is null);
        Assert.Contains(toponyms, t => t.Modifier == "Adjective" && !t.IsPlaceName);
    }
}
