using System.Globalization;
using Sitrep.Corpora;
using Sitrep.Evaluation;
using Sitrep.Tagging.Dependencies;
using Sitrep.Tagging.Lemmas;
using Sitrep.Tagging.PartOfSpeech;

namespace Sitrep.Tests.Tagging;

/// <summary>
/// The shipped dependency parsers on the UD test files (skipped, saying so, when the corpora are absent): the same
/// numbers as <c>sitrep eval dep</c> (gold tokenisation, predicted tags and lemmas, every word counted). Floors sit
/// just under the scores recorded in docs/QUALITY.md.
/// </summary>
public sealed class DependencyCorpusTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("fr", "ud/fr_sequoia-ud-test.conllu", UasFloorFrench, LasFloorFrench)]
    [InlineData("en", "ud/en_ewt-ud-test.conllu", UasFloorEnglish, LasFloorEnglish)]
    public void Attachment_scores_stay_above_their_floors(string language, string file, double uasFloor, double lasFloor)
    {
        string path = Path.Combine(TestPaths.RequireCorpora(), file);
        DependencyParser parser = DependencyParser.For(language) ?? throw new InvalidOperationException($"no shipped {language} parser");
        var scorer = DependencyScorer.Evaluate(parser, PosTagger.For(language), Lemmatizer.For(language), ConlluReader.ReadFile(path));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}: {scorer.Summary()}"));
        Assert.True(scorer.Uas * 100 >= uasFloor, $"{file}: UAS {scorer.Uas * 100:F2} < {uasFloor}");
        Assert.True(scorer.Las * 100 >= lasFloor, $"{file}: LAS {scorer.Las * 100:F2} < {lasFloor}");
    }

    private const double UasFloorFrench = 88.2;
    private const double LasFloorFrench = 84.6;
    private const double UasFloorEnglish = 80.5;
    private const double LasFloorEnglish = 76.0;
}
