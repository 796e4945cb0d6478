using Sitrep.Corpora;
using Sitrep.Documents;
using Sitrep.Pipeline;
using Sitrep.Tagging.Dependencies;

namespace Sitrep.Tests.Tagging;

/// <summary>The arc-hybrid transition system, its dynamic oracle, the projectiviser and the shipped parsers' robustness.</summary>
public sealed class DependencyParserTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Following_zero_cost_moves_rebuilds_every_gold_projective_tree(int seed)
    {
        var random = new Random(seed);
        var state = new ArcHybridState();
        var costs = new int[3];
        for (int round = 0; round < 300; round++)
        {
            int[] gold = RandomProjectiveTree(random, random.Next(1, 40));
            Assert.True(Projectivizer.IsProjective(gold));
            state.Reset(gold.Length - 1);
            while (!state.IsTerminal)
            {
                ArcHybridOracle.Costs(state, gold, costs);
                // Any zero-cost move will do: take a random one, so every order of moves is exercised.
                Transition[] free = [.. Enum.GetValues<Transition>().Where(t => costs[(int)t] == 0)];
                Assert.NotEmpty(free);
                state.Apply(free[random.Next(free.Length)], 1);
            }

            Assert.Equal(gold[1..], state.Heads.AsSpan(1, gold.Length - 1).ToArray());
        }
    }

    [Fact]
    public void After_wrong_moves_the_oracle_loses_exactly_the_arcs_its_costs_counted()
    {
        // Arc decomposition: the wrong heads at the end are the sum of the costs of the moves taken.
        var random = new Random(7);
        var state = new ArcHybridState();
        var costs = new int[3];
        for (int round = 0; round < 500; round++)
        {
            int[] gold = RandomProjectiveTree(random, random.Next(1, 30));
            state.Reset(gold.Length - 1);
            int lost = 0;
            while (!state.IsTerminal)
            {
                ArcHybridOracle.Costs(state, gold, costs);
                Transition[] legal = [.. Enum.GetValues<Transition>().Where(state.IsLegal)];
                int least = legal.Min(t => costs[(int)t]);
                Transition move = random.NextDouble() < 0.3 ? legal[random.Next(legal.Length)] : legal.First(t => costs[(int)t] == least);
                lost += costs[(int)move];
                state.Apply(move, 1);
            }

            int wrong = Enumerable.Range(1, gold.Length - 1).Count(i => state.Heads[i] != gold[i]);
            Assert.Equal(lost, wrong);
        }
    }

    [Fact]
    public void Lifting_makes_a_crossing_tree_projective_and_leaves_a_projective_one_alone()
    {
        // «A hearing is scheduled on the issue today»: «on the issue» hangs on «hearing» across «is scheduled».
        int[] crossing = [-1, 2, 4, 4, 0, 7, 7, 2, 4];
        Assert.True(Projectivizer.IsTree(crossing));
        Assert.False(Projectivizer.IsProjective(crossing));
        int[] lifted = Projectivizer.Lift(crossing);
        Assert.True(Projectivizer.IsProjective(lifted));
        Assert.Equal(4, lifted[7]);
        Assert.Equal(crossing.Where((_, i) => i != 7), lifted.Where((_, i) => i != 7));

        int[] projective = [-1, 2, 0, 2];
        Assert.Equal(projective, Projectivizer.Lift(projective));
        Assert.False(Projectivizer.IsTree([-1, 2, 1]));
        Assert.False(Projectivizer.IsTree([-1, 0, 0]));
    }

    [Fact]
    public void A_multiword_token_takes_the_arc_of_its_word_that_leaves_it()
    {
        const string Sentence = """
            # text = Il parle du pays.
            1	Il	il	PRON	_	_	2	nsubj	_	_
            2	parle	parler	VERB	_	_	0	root	_	_
            3-4	du	_	_	_	_	_	_	_	_
            3	de	de	ADP	_	_	5	case	_	_
            4	le	le	DET	_	_	5	det	_	_
            5	pays	pays	NOUN	_	_	2	obl:arg	_	SpaceAfter=No
            6	.	.	PUNCT	_	_	2	punct	_	_

            """;
        ConlluSentence sentence = ConlluReader.Read(Sentence.Split('\n')).Single();
        TreeView[] views = [.. DependencyCorpus.Views(sentence)];
        Assert.Equal(2, views.Length);
        TreeView surface = views[1];
        Assert.Equal(["Il", "parle", "du", "pays", "."], surface.Words);
        Assert.Equal([2, 0, 4, 2, 2], surface.Heads);
        Assert.Equal(["nsubj", "root", "case", "obl:arg", "punct"], surface.Relations);
        Assert.Equal("ADP", surface.Tags[2]);
    }

    public static TheoryData<string, string> Awkward() => new()
    {
        { "fr", "" },
        { "fr", "Oui" },
        { "fr", "?!... «» ,;:-- ((()))" },
        { "en", "." },
        { "en", string.Join(' ', Enumerable.Repeat("the cat sat on the mat , and", 400)) },
        { "fr", string.Join(' ', Enumerable.Repeat(")", 300)) },
    };

    [Theory]
    [MemberData(nameof(Awkward))]
    public void The_shipped_parser_gives_a_tree_for_any_sentence(string language, string text)
    {
        DependencyParser parser = DependencyParser.For(language) ?? throw new InvalidOperationException($"no shipped {language} parser");
        string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string[] tags = [.. words.Select(w => char.IsLetter(w[0]) ? "NOUN" : "PUNCT")];
        (int[] heads, string[] relations) = parser.Parse(words, tags, words);
        AssertTree(heads, relations);
    }

    [Fact]
    public void Random_token_soup_always_parses_as_a_tree()
    {
        var random = new Random(11);
        string[] pieces = ["le", "la", "de", ",", ".", "(", ")", "et", "a", "été", "Kharkiv", "forces", "«", "»", "1", "qui", "the", "was", "by"];
        string[] tags = ["DET", "ADP", "PUNCT", "VERB", "AUX", "PROPN", "NOUN", "NUM", "PRON", "X", "SYM", "", "NOT-A-TAG"];
        foreach (string language in new[] { "fr", "en" })
        {
            DependencyParser parser = DependencyParser.For(language)!;
            for (int round = 0; round < 200; round++)
            {
                int n = random.Next(0, 120);
                string[] words = [.. Enumerable.Range(0, n).Select(_ => pieces[random.Next(pieces.Length)])];
                string[] wordTags = [.. words.Select(_ => tags[random.Next(tags.Length)])];
                (int[] heads, string[] relations) = parser.Parse(words, wordTags, round % 2 == 0 ? words : []);
                AssertTree(heads, relations);
            }
        }
    }

    [Theory]
    [InlineData("fr", "Les forces russes ont été chassées de Kharkiv.", "forces", "chassées")]
    [InlineData("en", "Russian forces were driven out of Kharkiv.", "forces", "driven")]
    public void The_pipeline_finds_the_passive_subject(string language, string text, string subject, string verb)
    {
        Document document = SitrepExtractor.Extract(text, language: language);
        Assert.Equal(document.Tokens.Length, document.Dependencies.Length);
        int s = Index(document, subject), v = Index(document, verb);
        Assert.Equal(v, document.Dependencies[s].Head);
        Assert.Equal("nsubj:pass", document.Dependencies[s].Relation);
        Assert.True(document.Dependencies[v].IsRoot);
    }

    [Fact]
    public void A_pipeline_without_parsing_leaves_the_layer_empty()
    {
        ExtractionPipeline pipeline = new ExtractionPipelineBuilder().UseLanguageIdentification().UseSegmentation().UsePartsOfSpeech().Build();
        Document document = pipeline.Extract(new Sitrep.Articles.Article { Text = "Les forces russes ont été chassées de Kharkiv." }, TestContext.Current.CancellationToken);
        Assert.True(document.Dependencies.IsDefaultOrEmpty);
    }

    private static int Index(Document document, string word)
    {
        for (int i = 0; i < document.Tokens.Length; i++)
        {
            if (document[document.Tokens[i].Span] == word)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"no token «{word}»");
    }

    private static void AssertTree(int[] heads, string[] relations)
    {
        Assert.Equal(heads.Length, relations.Length);
        if (heads.Length == 0)
        {
            return;
        }

        Assert.True(Projectivizer.IsTree([-1, .. heads]), $"not a tree: {string.Join(' ', heads)}");
        Assert.Equal(1, relations.Count(r => r == DependencyParser.RootRelation));
        Assert.All(relations, r => Assert.False(string.IsNullOrEmpty(r)));
    }

    /// <summary>A random projective tree over n words (CoNLL-U heads, index 0 unused): each span has a root whose children's spans tile the rest.</summary>
    private static int[] RandomProjectiveTree(Random random, int n)
    {
        var heads = new int[n + 1];
        heads[0] = -1;
        Build(1, n, 0);
        return heads;

        void Build(int from, int to, int head)
        {
            int root = random.Next(from, to + 1);
            heads[root] = head;
            Tile(from, root - 1, root);
            Tile(root + 1, to, root);
        }

        void Tile(int from, int to, int head)
        {
            while (from <= to)
            {
                int end = random.Next(from, to + 1);
                Build(from, end, head);
                from = end + 1;
            }
        }
    }
}
