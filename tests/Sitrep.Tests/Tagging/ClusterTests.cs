using System.Collections.Immutable;
using System.Globalization;
using Sitrep.Tagging.Clusters;

namespace Sitrep.Tests.Tagging;

/// <summary>Brown clustering: the algorithm on tiny corpora, the runtime lookup, and the shipped models.</summary>
public sealed class ClusterTests
{
    /// <summary>
    /// Two determiners, two nouns, two verbs: every «D N V .» sentence occurs equally often, so «the»/«a»,
    /// «cat»/«dog» and «sleeps»/«runs» have identical contexts.
    /// </summary>
    private static BrownClusterer ToyCorpus(int clusters)
    {
        var clusterer = new BrownClusterer(clusters, minCount: 1);
        string[] determiners = ["the", "a"], nouns = ["cat", "dog"], verbs = ["sleeps", "runs"];
        for (int repeat = 0; repeat < 5; repeat++)
        {
            foreach (string d in determiners)
            {
                foreach (string n in nouns)
                {
                    foreach (string v in verbs)
                    {
                        clusterer.AddSentence([d, n, v, "."]);
                    }
                }
            }
        }

        return clusterer;
    }

    private static string PathOf(ImmutableArray<ClusteredWord> words, string word) => words.Single(w => w.Word == word).Path;

    private static bool AreSiblings(string x, string y) =>
        x.Length == y.Length && x.Length > 0 && x[..^1] == y[..^1] && x[^1] != y[^1];

    [Fact]
    public void Words_with_identical_contexts_end_up_as_siblings()
    {
        ImmutableArray<ClusteredWord> words = ToyCorpus(clusters: 7).Train();

        Assert.Equal(7, words.Length);
        Assert.True(AreSiblings(PathOf(words, "cat"), PathOf(words, "dog")), $"cat {PathOf(words, "cat")}, dog {PathOf(words, "dog")}");
        Assert.True(AreSiblings(PathOf(words, "the"), PathOf(words, "a")), $"the {PathOf(words, "the")}, a {PathOf(words, "a")}");
        Assert.True(AreSiblings(PathOf(words, "sleeps"), PathOf(words, "runs")), $"sleeps {PathOf(words, "sleeps")}, runs {PathOf(words, "runs")}");
    }

    [Fact]
    public void With_fewer_clusters_than_words_identical_contexts_share_a_cluster()
    {
        ImmutableArray<ClusteredWord> words = ToyCorpus(clusters: 4).Train();

        Assert.Equal(PathOf(words, "cat"), PathOf(words, "dog"));
        Assert.Equal(PathOf(words, "the"), PathOf(words, "a"));
        Assert.Equal(PathOf(words, "sleeps"), PathOf(words, "runs"));
        Assert.Equal(4, words.Select(w => w.Path).Distinct().Count());
    }

    [Fact]
    public void Words_below_the_minimum_count_are_left_out()
    {
        var clusterer = new BrownClusterer(clusters: 4, minCount: 2);
        clusterer.AddSentence(["a", "b", "a", "c"]);
        clusterer.AddSentence(["b", "a", "rare"]);

        ImmutableArray<ClusteredWord> words = clusterer.Train();

        Assert.Equal(["a", "b"], words.Select(w => w.Word).Order(StringComparer.Ordinal));
        Assert.Equal(3, words.Single(w => w.Word == "a").Count);
    }

    [Fact]
    public void Incremental_merge_losses_agree_with_losses_computed_from_scratch()
    {
        const int Slots = 9;
        var random = new Random(20261202);
        var window = new BrownMergeWindow(Slots, 100_000);
        int[] row = new int[Slots], column = new int[Slots];
        for (int word = 0; word < 40; word++)
        {
            for (int x = 0; x < Slots; x++)
            {
                row[x] = random.Next(4) == 0 ? random.Next(1, 30) : 0;
                column[x] = random.Next(4) == 0 ? random.Next(1, 30) : 0;
            }

            window.Add(random.Next(50, 400), row, column, random.Next(3) == 0 ? random.Next(1, 10) : 0);
            AssertLossesAgree(window);
            if (window.ActiveCount == Slots)
            {
                window.MergeBest();
                AssertLossesAgree(window);
            }
        }

        while (window.ActiveCount > 1)
        {
            window.MergeBest();
            AssertLossesAgree(window);
        }

        static void AssertLossesAgree(BrownMergeWindow window)
        {
            int[] active = [.. window.ActiveSlots()];
            for (int i = 0; i < active.Length; i++)
            {
                for (int j = i + 1; j < active.Length; j++)
                {
                    double scratch = window.LossFromScratch(active[i], active[j]);
                    Assert.Equal(scratch, window.Loss(active[i], active[j]), 1e-6 * Math.Max(1, Math.Abs(scratch)));
                }
            }
        }
    }

    [Fact]
    public void Training_twice_writes_the_same_bytes()
    {
        static byte[] TrainAndWrite()
        {
            var clusterer = new BrownClusterer(clusters: 5, minCount: 1);
            var random = new Random(7);
            string[] vocabulary = [.. Enumerable.Range(0, 40).Select(i => "w" + i.ToString(CultureInfo.InvariantCulture))];
            for (int s = 0; s < 300; s++)
            {
                clusterer.AddSentence([.. Enumerable.Range(0, 8).Select(_ => vocabulary[(int)Math.Sqrt(random.Next(1600))])]);
            }

            using var stream = new MemoryStream();
            WordClusters.WriteCompressed(stream, ["test"], clusterer.Train());
            return stream.ToArray();
        }

        byte[] first = TrainAndWrite();
        Assert.Equal(first, TrainAndWrite());
        using var read = new MemoryStream(first);
        Assert.Equal(40, WordClusters.LoadCompressed(read).Count);
    }

    private static readonly WordClusters Small = WordClusters.Load(new StringReader(
        """
        # a hand-written model for the lookup tests
        0101	Paris	12
        0101	Londres	9
        0110	lundi	30
        0110	mardi	25
        0111	Lundi	2
        111	0000	40
        110	a0	3
        """));

    [Fact]
    public void Lookup_finds_the_exact_form_first()
    {
        Assert.True(Small.TryGet("Paris", out BrownPath paris));
        Assert.Equal("0101", paris.ToString());
        Assert.True(Small.TryGet("Lundi", out BrownPath lundi));
        Assert.Equal("0111", lundi.ToString());
    }

    [Fact]
    public void Lookup_falls_back_to_the_lower_case_form()
    {
        Assert.True(Small.TryGet("MARDI", out BrownPath mardi));
        Assert.Equal("0110", mardi.ToString());
        Assert.False(Small.TryGet("PARIS", out _)); // «paris» is not in the model: case is kept at training
    }

    [Fact]
    public void Unknown_empty_and_overlong_words_are_not_found()
    {
        Assert.False(Small.TryGet("mercredi", out BrownPath path));
        Assert.Equal(default, path);
        Assert.False(Small.TryGet("", out _));
        Assert.False(Small.TryGet(new string('a', WordClusters.MaxWordLength + 1), out _));
    }

    [Fact]
    public void Digits_are_read_as_zero()
    {
        Assert.True(Small.TryGet("1999", out BrownPath year));
        Assert.Equal("111", year.ToString());
        Assert.True(Small.TryGet("A7", out BrownPath code)); // digits, then the lower-case fallback
        Assert.Equal("110", code.ToString());
        Assert.Equal("a00-0", WordClusters.NormalizeDigits("a12-9"));
    }

    [Fact]
    public void Lookup_allocates_nothing()
    {
        for (int i = 0; i < 100; i++)
        {
            Small.TryGet("MARDI", out _);
            Small.TryGet("2024", out _);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            Small.TryGet("MARDI", out _);
            Small.TryGet("2024", out _);
            Small.TryGet("inconnu", out _);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void A_path_prefix_is_the_coarser_cluster()
    {
        var path = BrownPath.Parse("0110101");

        Assert.Equal(new BrownPath(0b0110101, 7), path);
        Assert.Equal("0110", path.Prefix(4).ToString());
        Assert.Equal(path, path.Prefix(20));
        Assert.Equal(new BrownPath(0, 0), path.Prefix(0));
        Assert.Equal(path.Prefix(4).Key, BrownPath.Parse("0110").Key);
    }

    [Fact]
    public void Path_keys_tell_leading_zeros_apart()
    {
        ulong[] keys = [.. new[] { "", "0", "1", "00", "01", "001", "0001" }.Select(p => BrownPath.Parse(p).Key)];

        Assert.Equal(keys.Length, keys.Distinct().Count());
        Assert.Equal(BrownPath.Parse("01").Key, new BrownPath(1, 2).Key);
    }

    [Fact]
    public void Paths_longer_than_63_turns_are_cut()
    {
        var path = BrownPath.Parse(new string('1', 70));

        Assert.Equal(BrownPath.MaxLength, path.Length);
        Assert.Equal(new string('1', BrownPath.MaxLength), path.ToString());
    }

    [Fact]
    public void Training_data_reads_no_test_or_held_out_file()
    {
        foreach (string language in new[] { "fr", "en" })
        {
            foreach (ClusterTextSource source in ClusterTrainingData.For(language))
            {
                Assert.DoesNotContain("test", source.Name, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("/dev", source.Name, StringComparison.Ordinal);
                Assert.DoesNotContain("partut", source.Name, StringComparison.Ordinal);
                Assert.DoesNotContain("hipe", source.Name, StringComparison.Ordinal);
                Assert.DoesNotContain("wikineural", source.Name, StringComparison.Ordinal);
            }
        }

        Assert.Empty(ClusterTrainingData.For("de"));
    }

    [Fact]
    public void GUM_test_documents_are_left_out_of_the_English_text()
    {
        string corpora = TestPaths.RequireCorpora();
        HashSet<string> test = Sitrep.Corpora.GumCorpus.TestDocuments(Path.Combine(corpora, "ud", "en_gum"));

        Assert.Contains("GUM_news_nasa", test);
        Assert.DoesNotContain("GUM_news_iodine", test); // a dev document: dev splits are ours to use
        Assert.DoesNotContain(test, name => name.Contains(' ', StringComparison.Ordinal));
    }

    [Fact]
    public void The_shipped_French_clusters_load_and_know_common_words()
    {
        var clusters = WordClusters.For("fr");

        Assert.NotNull(clusters);
        Assert.Same(clusters, WordClusters.For("fr-FR"));
        Assert.True(clusters.Count > 10_000);
        foreach (string word in new[] { "le", "de", "Paris", "France", "lundi", "président", "a", "2022" })
        {
            Assert.True(clusters.TryGet(word, out _), word);
        }

        Assert.True(clusters.TryGet("lundi", out BrownPath lundi));
        Assert.True(clusters.TryGet("mardi", out BrownPath mardi));
        Assert.True(SharedPrefix(lundi, mardi) >= lundi.Length - 2, $"lundi {lundi}, mardi {mardi}");
    }

    [Fact]
    public void The_shipped_English_clusters_load_and_know_common_words()
    {
        var clusters = WordClusters.For("en");

        Assert.NotNull(clusters);
        Assert.True(clusters.Count > 10_000);
        foreach (string word in new[] { "the", "of", "London", "said", "Monday", "president", "1999" })
        {
            Assert.True(clusters.TryGet(word, out _), word);
        }

        Assert.True(clusters.TryGet("Monday", out BrownPath monday));
        Assert.True(clusters.TryGet("Tuesday", out BrownPath tuesday));
        Assert.True(SharedPrefix(monday, tuesday) >= monday.Length - 2, $"Monday {monday}, Tuesday {tuesday}");
    }

    [Fact]
    public void A_language_without_clusters_has_none()
    {
        Assert.Null(WordClusters.For("de"));
        Assert.Null(WordClusters.For("not a language"));
    }

    private static int SharedPrefix(BrownPath x, BrownPath y)
    {
        int n = 0;
        string a = x.ToString(), b = y.ToString();
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }
}
