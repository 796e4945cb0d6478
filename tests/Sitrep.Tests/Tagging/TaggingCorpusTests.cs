using System.Globalization;
using Sitrep.Corpora;
using Sitrep.Evaluation;
using Sitrep.Tagging.Entities;
using Sitrep.Tagging.PartOfSpeech;

namespace Sitrep.Tests.Tagging;

/// <summary>
/// The shipped part-of-speech and named-entity models on the corpora (skipped, saying so, when the corpora
/// are absent): the same numbers as <c>sitrep eval pos|ner</c>. Floors sit just under the scores recorded in
/// docs/QUALITY.md, so a model or feature change that loses accuracy fails here.
/// </summary>
public sealed class TaggingCorpusTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("fr", "ud/fr_sequoia-ud-test.conllu", 97.5)]
    [InlineData("fr", "ud/fr_gsd-ud-test.conllu", 95.5)]
    [InlineData("en", "ud/en_ewt-ud-test.conllu", 93.5)]
    public void Part_of_speech_accuracy_stays_above_its_floor(string language, string file, double floor)
    {
        string path = Path.Combine(TestPaths.RequireCorpora(), file);
        PosTagger tagger = PosTagger.For(language) ?? throw new InvalidOperationException($"no shipped {language} tagger");
        var report = new AccuracyReport();
        foreach (ConlluSentence sentence in ConlluReader.ReadFile(path))
        {
            string[] tags = tagger.Tag([.. sentence.Words.Select(w => w.Form)]);
            for (int i = 0; i < tags.Length; i++)
            {
                report.Add(sentence.Words[i].Upos, tags[i]);
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}: UPOS accuracy {report.Accuracy * 100:F2}% ({report.TopConfusions(5)})"));
        Assert.True(report.Accuracy * 100 >= floor, $"{file}: {report.Accuracy * 100:F2}% < {floor}%");
    }

    [Theory]
    [InlineData("en", "conll2003-en/eng.testa", 90.0)]
    [InlineData("fr", "wikiann/fr/dev", 78.5)]
    [InlineData("fr", "europeana-fr/dev", 56.0)]
    public void Named_entity_f1_stays_above_its_floor(string language, string dataset, double floor)
    {
        string corpora = TestPaths.RequireCorpora();
        EntityTagger tagger = EntityTagger.For(language) ?? throw new InvalidOperationException($"no shipped {language} entity tagger");
        var scorer = new NerScorer();
        foreach (NerSentence sentence in NerDatasets.Load(corpora, dataset, language))
        {
            scorer.Add(sentence.Tags, tagger.TagIob2(sentence.Tokens));
        }

        NerScore score = scorer.Score();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{dataset}: {score.Overall}"));
        Assert.True(score.Overall.F1 * 100 >= floor, $"{dataset}: F1 {score.Overall.F1 * 100:F2} < {floor}");
    }
}
