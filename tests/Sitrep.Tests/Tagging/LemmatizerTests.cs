using System.Globalization;
using Sitrep.Corpora;
using Sitrep.Tagging.Lemmas;

namespace Sitrep.Tests.Tagging;

/// <summary>
/// The lemmatizer (issue 3): hand-written examples per language, determinism of training, and the lemma
/// accuracy on the UD test files (skipped, saying so, when ../shared/corpora is absent).
/// </summary>
public sealed class LemmatizerTests(ITestOutputHelper output)
{
    /// <summary>French: (form, UPOS) → lemma, as UD French-Sequoia lemmatizes them.</summary>
    public static TheoryData<string, string, string> French { get; } = new()
    {
        // Verbs: auxiliaries, irregular and regular conjugations, participles that agree.
        { "est", "AUX", "être" },
        { "sont", "AUX", "être" },
        { "ont", "AUX", "avoir" },
        { "mangeaient", "VERB", "manger" },
        { "annoncé", "VERB", "annoncer" },
        { "déclarées", "VERB", "déclarer" },
        { "finissait", "VERB", "finir" },
        { "prendront", "VERB", "prendre" },
        { "fait", "VERB", "faire" },
        { "bombardaient", "VERB", "bombarder" },
        { "twittait", "VERB", "twitter" },
        // Plurals and feminines.
        { "maisons", "NOUN", "maison" },
        { "journaux", "NOUN", "journal" },
        { "chevaux", "NOUN", "cheval" },
        { "drones", "NOUN", "drone" },
        { "grande", "ADJ", "grand" },
        { "heureuses", "ADJ", "heureux" },
        { "internationales", "ADJ", "international" },
        { "ukrainiennes", "ADJ", "ukrainien" },
        // Elided forms, with a straight or a typographic apostrophe. UD French lemmatizes the clitic
        // pronouns to their strong forms: «j'» → «moi», «s'» → «soi».
        { "l'", "DET", "le" },
        { "L'", "DET", "le" },
        { "l\u2019", "DET", "le" },
        { "d'", "ADP", "de" },
        { "qu'", "SCONJ", "que" },
        { "j'", "PRON", "moi" },
        { "n'", "ADV", "ne" },
        { "s'", "PRON", "soi" },
        { "c'", "PRON", "ce" },
        { "jusqu'", "ADP", "jusque" },
        // Capitalised at the start of a sentence, or shouted in a headline.
        { "Les", "DET", "le" },
        { "Cette", "DET", "ce" },
        { "Selon", "ADP", "selon" },
        { "Annoncées", "VERB", "annoncer" },
        // Proper nouns keep their form.
        { "Zelensky", "PROPN", "Zelensky" },
        { "Marioupol", "PROPN", "Marioupol" },
        { "Kharkiv", "PROPN", "Kharkiv" },
        // Numbers and punctuation are their own lemma.
        { "2022", "NUM", "2022" },
        { "3,5", "NUM", "3,5" },
        { "«", "PUNCT", "«" },
        { ",", "PUNCT", "," },
        // Contracted articles, one token in Sitrep (two words in UD).
        { "du", "ADP", "de" },
        { "Du", "ADP", "de" },
        { "au", "ADP", "à" },
        { "aux", "ADP", "à" },
        { "des", "ADP", "de" },
        { "des", "DET", "un" },
        { "duquel", "PRON", "lequel" },
    };

    /// <summary>English: (form, UPOS) → lemma, as UD English-EWT and GUM lemmatize them.</summary>
    public static TheoryData<string, string, string> English { get; } = new()
    {
        { "was", "AUX", "be" },
        { "went", "VERB", "go" },
        { "said", "VERB", "say" },
        { "running", "VERB", "run" },
        { "studies", "VERB", "study" },
        { "attacked", "VERB", "attack" },
        { "tweeted", "VERB", "tweet" },
        { "children", "NOUN", "child" },
        { "troops", "NOUN", "troop" },
        { "cities", "NOUN", "city" },
        { "drones", "NOUN", "drone" },
        { "stronger", "ADJ", "strong" },
        { "The", "DET", "the" },
        { "Officials", "NOUN", "official" },
        { "n't", "PART", "not" },
        { "Zelenskiy", "PROPN", "Zelenskiy" },
        { "Kyiv", "PROPN", "Kyiv" },
        { "2022", "NUM", "2022" },
        { ",", "PUNCT", "," },
    };

    [Theory]
    [MemberData(nameof(French))]
    public void French_form_and_tag_give_the_UD_lemma(string form, string upos, string lemma) =>
        Assert.Equal(lemma, RequireLemmatizer("fr").Lemmatize(form, upos));

    [Theory]
    [MemberData(nameof(English))]
    public void English_form_and_tag_give_the_UD_lemma(string form, string upos, string lemma) =>
        Assert.Equal(lemma, RequireLemmatizer("en").Lemmatize(form, upos));

    [Fact]
    public void A_language_without_a_model_has_no_lemmatizer() => Assert.Null(Lemmatizer.For("xx"));

    [Fact]
    public void The_lemmatizer_of_a_language_is_loaded_once() => Assert.Same(Lemmatizer.For("fr"), Lemmatizer.For("FR"));

    [Fact]
    public void An_unknown_tag_falls_back_on_the_form() =>
        Assert.Equal("être", RequireLemmatizer("fr").Lemmatize("est", "NOT-A-TAG"));

    [Fact]
    public void An_empty_form_has_an_empty_lemma() => Assert.Equal("", RequireLemmatizer("fr").Lemmatize("", "NOUN"));

    [Fact]
    public void A_toy_model_learns_the_lexicon_and_the_endings()
    {
        LemmaModel model = new LemmatizerTrainer().Train("fr", ConlluReader.Read(Toy.Split('\n')));
        var lemmatizer = new Lemmatizer(model);

        Assert.Equal("chanter", lemmatizer.Lemmatize("chantaient", "VERB", out LemmaSource seen));
        Assert.Equal(LemmaSource.Lexicon, seen);
        Assert.Equal("danser", lemmatizer.Lemmatize("dansaient", "VERB", out LemmaSource unseen));
        Assert.Equal(LemmaSource.Suffix, unseen);
        Assert.Equal("chanter", lemmatizer.Lemmatize("Chantaient", "VERB", out LemmaSource cased));
        Assert.Equal(LemmaSource.LexiconIgnoringCase, cased);
        Assert.Equal("de", lemmatizer.Lemmatize("du", "ADP"));
    }

    [Fact]
    public void A_saved_model_loads_back_to_the_same_bytes()
    {
        LemmaModel model = new LemmatizerTrainer().Train("fr", ConlluReader.Read(Toy.Split('\n')));
        byte[] first = Bytes(model);
        byte[] second = Bytes(LemmaModel.Load(new MemoryStream(first)));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Training_twice_gives_the_same_bytes()
    {
        string corpora = TestPaths.RequireCorpora();
        var files = LemmaCorpus.TrainingFiles(corpora, "fr", includeDev: true);
        byte[] first = Bytes(new LemmatizerTrainer().Train("fr", files.SelectMany(f => ConlluReader.ReadFile(Path.Combine(corpora, f)))));
        byte[] second = Bytes(new LemmatizerTrainer().Train("fr", files.Reverse().SelectMany(f => ConlluReader.ReadFile(Path.Combine(corpora, f)))));
        Assert.Equal(first, second);
    }

    /// <summary>Fails when the trainer or its data change without <c>sitrep train lemma</c> being rerun.</summary>
    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public void The_shipped_model_is_what_training_gives(string language)
    {
        string corpora = TestPaths.RequireCorpora();
        var files = LemmaCorpus.TrainingFiles(corpora, language, includeDev: true);
        byte[] trained = Bytes(new LemmatizerTrainer().Train(language, files.SelectMany(f => ConlluReader.ReadFile(Path.Combine(corpora, f)))));
        byte[] shipped = File.ReadAllBytes(Path.Combine(TestPaths.RepositoryRoot, "models", $"lemma-{language}.tsv.gz"));
        Assert.True(trained.AsSpan().SequenceEqual(shipped), $"models/lemma-{language}.tsv.gz is stale: run ./sitrep train lemma --lang {language}");
    }

    /// <summary>
    /// Lemma accuracy with gold UPOS on every syntactic word of the test files; the same numbers as
    /// <c>sitrep eval lemma</c>. The target of issue 3 is 97 % on fr_sequoia-ud-test; the other floors sit just
    /// below the measured scores (docs/QUALITY.md) to catch regressions.
    /// </summary>
    [Theory]
    [InlineData("fr", "fr_sequoia-ud-test", 97.0)]
    [InlineData("fr", "fr_gsd-ud-test", 98.5)]
    [InlineData("en", "en_ewt-ud-test", 97.0)]
    public void Test_file_accuracy_meets_the_target(string language, string file, double minAccuracy)
    {
        string path = Path.Combine(TestPaths.RequireCorpora(), "ud", file + ".conllu");
        Assert.SkipUnless(File.Exists(path), $"{path} is not in the corpora folder: corpus test skipped");

        LemmaFileScore score = LemmaEvaluator.Evaluate(RequireLemmatizer(language), file, ConlluReader.ReadFile(path));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{file}: {100 * score.Words.Accuracy:F2}% of {score.Words.Total} words; known {100 * score.Known.Accuracy:F2}%, unknown {100 * score.Unknown.Accuracy:F2}% ({score.Unknown.Total}); multiword surfaces {100 * score.MultiwordTokens.Accuracy:F2}%"));
        Assert.True(100 * score.Words.Accuracy >= minAccuracy, $"{file}: lemma accuracy {100 * score.Words.Accuracy:F2}% < {minAccuracy}%");
    }

    private const string Toy = """
        # text = Ils chantaient du rock.
        1	Ils	il	PRON	_	_	2	nsubj	_	_
        2	chantaient	chanter	VERB	_	_	0	root	_	_
        3-4	du	_	_	_	_	_	_	_	_
        3	de	de	ADP	_	_	5	case	_	_
        4	le	le	DET	_	_	5	det	_	_
        5	rock	rock	NOUN	_	_	2	obl	_	SpaceAfter=No
        6	.	.	PUNCT	_	_	2	punct	_	_

        # text = Elles aimaient les fêtes.
        1	Elles	il	PRON	_	_	2	nsubj	_	_
        2	aimaient	aimer	VERB	_	_	0	root	_	_
        3	les	le	DET	_	_	4	det	_	_
        4	fêtes	fête	NOUN	_	_	2	obj	_	SpaceAfter=No
        5	.	.	PUNCT	_	_	2	punct	_	_

        """;

    private static Lemmatizer RequireLemmatizer(string language) =>
        Lemmatizer.For(language) ?? throw new InvalidOperationException($"no embedded lemmatizer for {language}");

    private static byte[] Bytes(LemmaModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }
}
