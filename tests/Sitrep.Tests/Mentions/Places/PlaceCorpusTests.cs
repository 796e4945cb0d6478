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

        Assert.True(scores.Accuracy161 >= 0.87, $"within 161 km {scores.Accuracy161:P1} < 87%");
        Assert.True(scores.ExactAccuracy >= 0.78, $"exact {scores.ExactAccuracy:P1} < 78%");
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

    [Theory]
    [InlineData("en", "University of Alberta", "Alberta")]
    [InlineData("en", "Colorado State University", "Colorado")]
    [InlineData("en", "South Florida", "Florida")]
    [InlineData("en", "British Embassy", "United Kingdom")]
    [InlineData("en", "European", "Europe")]
    [InlineData("en", "European Union", "Europe")]
    [InlineData("fr", "Banque de France", "France")]
    [InlineData("fr", "africains", "Africa")]
    public void A_name_the_gazetteer_lacks_resolves_to_the_place_it_is_named_after(string language, string name, string place)
    {
        Gazetteer? gazetteer = Gazetteer.Default;
        Assert.SkipWhen(gazetteer is null, "this build ships no gazetteer (models/gazetteer.bin.gz)");
        var resolver = new PlaceResolver(gazetteer!, PlaceLexicon.For(language));

        Assert.Contains(resolver.Candidates(name), hit => hit.Place.Name == place);
    }

    [Theory]
    [InlineData("Chamber of Commerce")]
    [InlineData("Islamic Republic")]
    [InlineData("Robinson College")]
    public void A_common_word_or_a_small_town_inside_a_longer_name_is_not_taken_for_the_place(string name)
    {
        Gazetteer? gazetteer = Gazetteer.Default;
        Assert.SkipWhen(gazetteer is null, "this build ships no gazetteer (models/gazetteer.bin.gz)");

        Assert.Empty(new PlaceResolver(gazetteer!, PlaceLexicon.For("en")).Candidates(name));
    }
}
