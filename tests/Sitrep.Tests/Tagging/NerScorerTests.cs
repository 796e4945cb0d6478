using Sitrep.Corpora;
using Sitrep.Evaluation;

namespace Sitrep.Tests.Tagging;

public sealed class NerScorerTests
{
    [Fact]
    public void Exact_spans_score_like_conlleval()
    {
        var scorer = new NerScorer();
        scorer.Add(["B-PER", "I-PER", "O", "B-LOC", "O"], ["B-PER", "I-PER", "O", "B-LOC", "I-LOC"]);
        scorer.Add(["B-ORG", "O"], ["B-ORG", "O"]);
        NerScore score = scorer.Score();
        Assert.Equal(3, score.Overall.Expected);
        Assert.Equal(3, score.Overall.Predicted);
        Assert.Equal(2, score.Overall.SystemCorrect);
        Assert.Equal(0.0, score.PerType["LOC"].F1);
        Assert.Equal(1.0, score.PerType["PER"].F1);
        Assert.Equal(6, score.TokensCorrect);
    }

    [Theory]
    [InlineData("I-PER I-PER O I-LOC", "0-2 PER,3-4 LOC")]
    [InlineData("B-PER I-LOC", "0-1 PER,1-2 LOC")]
    [InlineData("U-PER B-ORG L-ORG", "0-1 PER,1-3 ORG")]
    [InlineData("O I-MISC B-MISC", "1-2 MISC,2-3 MISC")]
    public void Chunks_are_read_from_iob1_iob2_and_bilou(string tags, string expected)
    {
        IEnumerable<string> chunks = NerScorer.Chunks(tags.Split(' ')).Select(c => $"{c.Start}-{c.End} {c.Type}");
        Assert.Equal(expected, string.Join(",", chunks));
    }

    [Fact]
    public void Iob1_columns_become_iob2_with_mapped_types()
    {
        string[] lines = ["-DOCSTART- -X- O O", "", "EU NNP I-NP I-ORG", "rejects VBZ I-VP O", "German JJ I-NP I-MISC", "", "Paris NNP I-NP I-LOC", "Lyon NNP I-NP B-LOC"];
        var sentences = NerCorpusReader.ReadColumns(lines).ToList();
        Assert.Equal(2, sentences.Count);
        Assert.Equal(["B-ORG", "O", "B-MISC"], sentences[0].Tags);
        Assert.Equal(["B-LOC", "B-LOC"], sentences[1].Tags);
    }

    [Fact]
    public void French_data_drops_misc_and_hipe_product_types()
    {
        string[] lines = ["fr:Le\tO", "fr:Monde\tB-MISC", "fr:Paris\tB-LOC"];
        NerSentence sentence = NerCorpusReader.ReadColumns(lines, NerCorpusReader.PersonLocationOrganization, "fr:").Single();
        Assert.Equal(["Le", "Monde", "Paris"], sentence.Tokens);
        Assert.Equal(["O", "O", "B-LOC"], sentence.Tags);
        Assert.Equal("PER", NerCorpusReader.CoNLLType("pers"));
        Assert.Equal(string.Empty, NerCorpusReader.CoNLLType("prod"));
    }

    [Fact]
    public void Running_text_is_cut_into_sentences_at_final_punctuation_before_a_capital()
    {
        string[] lines = ["Il O", "pleut O", ". O", "Paris I-LOC", "dort O", ". O", "et O"];
        var sentences = NerCorpusReader.ReadRunningText(lines).ToList();
        Assert.Equal(2, sentences.Count);
        Assert.Equal(["Paris", "dort", ".", "et"], sentences[1].Tokens);
        Assert.Equal("B-LOC", sentences[1].Tags[0]);
    }
}
