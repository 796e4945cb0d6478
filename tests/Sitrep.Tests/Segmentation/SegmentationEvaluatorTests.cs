using Sitrep.Corpora;
using Sitrep.Documents;
using Sitrep.Evaluation;
using Sitrep.Segmentation;

namespace Sitrep.Tests.Segmentation;

/// <summary>How the evaluator rebuilds text from CoNLL-U and scores spans, on a small hand-made treebank.</summary>
public sealed class SegmentationEvaluatorTests
{
    private const string Treebank = """
        # newdoc id = d1
        # text = I don't know.
        1	I	I	PRON	_	_	0	root	_	_
        2-3	don't	_	_	_	_	_	_	_	_
        2	do	do	AUX	_	_	0	root	_	_
        3	n't	not	PART	_	_	0	root	_	_
        4	know	know	VERB	_	_	0	root	_	SpaceAfter=No
        5	.	.	PUNCT	_	_	0	root	_	_

        # text = Du pain
        1-2	Du	_	_	_	_	_	_	_	_
        1	de	de	ADP	_	_	0	root	_	_
        2	le	le	DET	_	_	0	root	_	_
        3	pain	pain	NOUN	_	_	0	root	_	_

        # newpar
        # text = 10 000 euros.
        1	10 000	10000	NUM	_	_	0	root	_	_
        2	euros	euro	NOUN	_	_	0	root	_	SpaceAfter=No
        3	.	.	PUNCT	_	_	0	root	_	_

        """;

    [Fact]
    public void Sentences_of_a_paragraph_are_joined_by_a_space_and_paragraphs_by_a_blank_line()
    {
        GoldText gold = SegmentationEvaluator.Rebuild(Sentences());
        Assert.Equal("I don't know. Du pain\n\n10 000 euros.", gold.Text);
        Assert.Equal(["I don't know.", "Du pain", "10 000 euros."], gold.Sentences.Select(s => gold.Text.Substring(s.Start, s.Length)));
    }

    [Fact]
    public void Multiword_tokens_are_scored_as_words_only_when_the_words_spell_them()
    {
        GoldText gold = SegmentationEvaluator.Rebuild(Sentences());
        Assert.Equal(
            ["I", "do", "n't", "know", ".", "Du", "pain", "10 000", "euros", "."],
            gold.Tokens.Select(t => gold.Text.Substring(t.Start, t.Length)));
        Assert.Equal(0, gold.UnlocatedTokens);
    }

    [Fact]
    public void The_ceiling_merges_a_sentence_without_final_punctuation_into_the_next_of_its_paragraph()
    {
        const string heading = "# text = Guerre\n1\tGuerre\tguerre\tNOUN\t_\t_\t0\troot\t_\t_\n\n"
            + "# text = Ils avancent.\n1\tIls\til\tPRON\t_\t_\t0\troot\t_\t_\n2\tavancent\tavancer\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t.\tPUNCT\t_\t_\t0\troot\t_\t_\n\n";
        GoldText gold = SegmentationEvaluator.Rebuild(ConlluReader.Read(heading.Split('\n')));
        Assert.Equal(["Guerre", "Ils avancent."], gold.Sentences.Select(s => gold.Text.Substring(s.Start, s.Length)));
        Assert.Equal(["Guerre Ils avancent."], gold.CeilingSentences.Select(s => gold.Text.Substring(s.Start, s.Length)));

        // «Du pain» ends its paragraph: the blank line marks its end.
        GoldText toy = SegmentationEvaluator.Rebuild(Sentences());
        Assert.Equal(toy.Sentences, toy.CeilingSentences);
    }

    [Fact]
    public void A_perfect_segmenter_scores_one()
    {
        GoldText gold = SegmentationEvaluator.Rebuild(Sentences());
        var perfect = new FixedSegmenter(gold);
        SegmentationScore score = SegmentationEvaluator.Evaluate("toy", Sentences(), perfect);
        Assert.Equal(1.0, score.Tokens.F1);
        Assert.Equal(1.0, score.Sentences.F1);
    }

    [Fact]
    public void Wrapping_keeps_offsets_and_spaces_inside_tokens()
    {
        GoldText gold = SegmentationEvaluator.Rebuild(Sentences(), GoldTextLayout.Wrapped);
        Assert.Equal(SegmentationEvaluator.Rebuild(Sentences()).Text.Length, gold.Text.Length);
        Assert.Contains("10 000", gold.Text, StringComparison.Ordinal);
    }

    private static IEnumerable<ConlluSentence> Sentences() => ConlluReader.Read(Treebank.Split('\n'));

    private sealed class FixedSegmenter(GoldText gold) : ISegmenter
    {
        public SegmentedText Segment(string text)
        {
            Token[] tokens = [.. gold.Tokens.Select(t => new Token(t, TokenKind.Word))];
            var sentences = new List<Sentence>();
            int next = 0;
            foreach (TextSpan s in gold.Sentences)
            {
                int count = tokens.Count(t => s.Contains(t.Span));
                sentences.Add(new Sentence(s, next, count));
                next += count;
            }

            return new SegmentedText([.. tokens], [.. sentences]);
        }
    }
}
