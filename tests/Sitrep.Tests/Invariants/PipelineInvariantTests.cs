using System.Text;
using Sitrep.Articles;
using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Invariants;

/// <summary>
/// Random and hostile text through the whole pipeline: it never throws and every span stays inside the
/// text (in the manner of Lucene's CheckRandomData). Seeds are fixed, so a failure reproduces.
/// </summary>
public sealed class PipelineInvariantTests
{
    private static readonly ExtractionPipeline Pipeline = SitrepExtractor.Default;

    // Pieces random text is made of: the characters that stress normalisation and segmentation.
    private static readonly string[] Alphabet =
    [
        "a", "e", "z", "É", "é", "ç", "œ", "Ж", "і", "ї", "中", "ع", "1", "0", " 000", ",", ".", "...", "…", "!", "?", ";", ":",
        "'", "’", "‘", "\"", "“", "”", "„", "«", "»", "‹", "(", ")", "[", "]", "-", "–", "—", "/", "@", "#", "%", "&",
        " ", " ", " ", "\u00A0", "\u202F", "\n", "\n\n", "\r\n", "\t", "\u0301", "\u0327", "\uFB01", "\u00AD", "\u200B",
        "\u0000", "\u0007", "\u0092", "\uD83D\uDE00", "\uD800", "\uDC00", "\uFEFF", "M.", "Mme", "U.S.", "l'", "qu'", "-t-il",
        "aujourd'hui", "don't", "http://x.org/a?b=1", "a@b.fr", "13/05/2022", "2022-05-13", "1,5", "3.14",
    ];

    public static TheoryData<string, string> HostileInputs() => new()
    {
        { "empty", "" },
        { "whitespace only", " \n\t \u00A0\u202F\r\n  " },
        { "punctuation only", "?!... «» ,;:-- ((()))" },
        { "unbalanced quotes", "« Il a dit « oui » puis \" non. (Et [ puis" },
        { "lone surrogates", "a\uD800b\uDC00c\uD83D" },
        { "control characters", "\u0000\u0001\u0002a\u001Fb\u007F\u0085c" },
        { "combining marks without a base", "\u0301\u0301 e\u0301\u0301\u0327" },
        { "mixed scripts", "Kyiv Київ Киев 基辅 كييف Kíev — 24 février 2022." },
        { "a single very long word", new string('x', 100_000) },
        { "many sentences without spaces", string.Concat(Enumerable.Repeat("Oui.Non!Peut-être?", 2_000)) },
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Hostile_text_never_throws_and_keeps_spans_inside_the_text(string name, string text)
    {
        Assert.NotNull(name);
        Document document = Pipeline.Extract(new Article { Text = text }, TestContext.Current.CancellationToken);
        DocumentInvariants.Check(document);
    }

    [Fact]
    public void A_five_megabyte_single_line_is_processed()
    {
        var builder = new StringBuilder(5_000_000);
        while (builder.Length < 5_000_000)
        {
            builder.Append("Les forces russes ont été repoussées de 10 km, a déclaré M. Dupont le 13/05/2022 ; ");
        }

        Document document = Pipeline.Extract(new Article { Text = builder.ToString() }, TestContext.Current.CancellationToken);
        DocumentInvariants.Check(document);
        Assert.NotEmpty(document.Tokens);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Random_text_never_throws_and_keeps_spans_inside_the_text(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 50; round++)
        {
            var builder = new StringBuilder();
            int pieces = random.Next(0, 400);
            for (int i = 0; i < pieces; i++)
            {
                builder.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            string text = builder.ToString();
            foreach (string? language in new[] { null, "fr", "en", "de" })
            {
                Document document = Pipeline.Extract(new Article { Text = text, Language = language }, TestContext.Current.CancellationToken);
                DocumentInvariants.Check(document);
            }
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Random_bytes_are_read_or_refused_with_a_reason(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 100; round++)
        {
            byte[] bytes = new byte[random.Next(0, 2_000)];
            random.NextBytes(bytes);
            foreach (ArticleReadResult result in ArticleReader.Read(bytes, "random"))
            {
                Assert.True(result.Article is not null ^ result.Error is not null, "a result is an article or an error");
                if (result.Article is Article article)
                {
                    DocumentInvariants.Check(Pipeline.Extract(article, TestContext.Current.CancellationToken));
                }
                else
                {
                    Assert.DoesNotContain('\n', result.Error!);
                }
            }
        }
    }

    [Fact]
    public void The_same_input_gives_identical_output()
    {
        const string text = "Le président a déclaré vendredi (13 mai) que « les pourparlers » continuaient.";
        string first = Serialization.SitrepJson.Serialize(Pipeline.Extract(new Article { Text = text }, TestContext.Current.CancellationToken));
        string second = Serialization.SitrepJson.Serialize(Pipeline.Extract(new Article { Text = text }, TestContext.Current.CancellationToken));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Text_over_the_size_limit_is_refused_with_a_clear_error()
    {
        ExtractionPipeline small = new ExtractionPipelineBuilder { MaxTextLength = 100 }.UseDefaults().Build();
        var error = Assert.Throws<ArticleReadException>(() => small.Extract(new Article { Text = new string('a', 101) }, TestContext.Current.CancellationToken));
        Assert.Contains("over the limit", error.Message, StringComparison.Ordinal);
    }
}
