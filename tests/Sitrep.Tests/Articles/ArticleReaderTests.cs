using System.Text;
using Sitrep.Articles;

namespace Sitrep.Tests.Articles;

public sealed class ArticleReaderTests
{
    private const string Story = "Les secours ont travaill\u00e9 toute la nuit, selon la pr\u00e9fecture, qui a ouvert un centre d\u2019accueil \u00e0 Ch\u00e2tellerault.";

    private static ArticleReadResult ReadOne(byte[] bytes, string? fileName = null, ArticleFormat format = ArticleFormat.Auto) =>
        Assert.Single(ArticleReader.Read(bytes, fileName ?? "input", format, fileName));

    private static byte[] Windows1252(string text) => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);

    [Theory]
    [InlineData("page.html", "texte", ArticleFormat.Html)]
    [InlineData("PAGE.HTM", "texte", ArticleFormat.Html)]
    [InlineData("batch.jsonl", "texte", ArticleFormat.JsonLines)]
    [InlineData("batch.ndjson", "texte", ArticleFormat.JsonLines)]
    [InlineData("notes.txt", "<html><body><p>x</p></body></html>", ArticleFormat.Text)]
    [InlineData(null, "<!DOCTYPE html><html><body><p>x</p></body></html>", ArticleFormat.Html)]
    [InlineData(null, "  \n<html lang=\"fr\"><p>x</p></html>", ArticleFormat.Html)]
    [InlineData(null, "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n<html><body>x</body></html>", ArticleFormat.Html)]
    [InlineData(null, "<!-- saved page -->\n<html><body>x</body></html>", ArticleFormat.Html)]
    [InlineData(null, "<div class=\"article\"><p>x</p></div>", ArticleFormat.Html)]
    [InlineData("article", "{\"id\": \"1\", \"text\": \"Bonjour.\"}\n{\"id\": \"2\", \"text\": \"Au revoir.\"}", ArticleFormat.JsonLines)]
    [InlineData(null, "{\"html\": \"<p>x</p>\"}", ArticleFormat.JsonLines)]
    [InlineData(null, "Les forces russes <b>ont</b> reculé.", ArticleFormat.Text)]
    [InlineData(null, "{ accolade en début de texte }", ArticleFormat.Text)]
    [InlineData(null, "3 < 5 et 7 > 2", ArticleFormat.Text)]
    public void Format_is_told_by_extension_then_by_content(string? fileName, string text, ArticleFormat expected) =>
        Assert.Equal(expected, ArticleReader.Detect(fileName, text));

    [Fact]
    public void An_empty_file_fails_saying_it_is_empty()
    {
        ArticleReadResult result = ReadOne([], "vide.txt");
        Assert.Null(result.Article);
        Assert.Equal("the file is empty (0 bytes)", result.Error);
    }

    [Theory]
    [InlineData("vide.txt")]
    [InlineData("vide.html")]
    [InlineData("vide.jsonl")]
    public void A_file_of_white_space_fails_saying_so(string fileName) =>
        Assert.StartsWith("the file holds only white space", ReadOne(" \n\t\r\n  "u8.ToArray(), fileName).Error, StringComparison.Ordinal);

    [Fact]
    public void An_empty_batch_after_its_bom_fails_rather_than_vanishing() =>
        Assert.NotNull(ReadOne([0xEF, 0xBB, 0xBF, 0x0A], "batch.jsonl").Error);

    [Theory]
    [InlineData("rapport.pdf")]
    [InlineData("page.html")]
    [InlineData("batch.jsonl")]
    public void Binary_files_fail_with_one_line_saying_what_they_are(string fileName)
    {
        ArticleReadResult result = ReadOne([.. "%PDF-1.7\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3, 0x00, 0x01], fileName);
        Assert.Null(result.Article);
        Assert.StartsWith("binary content (a PDF document", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Error!);
    }

    [Fact]
    public void A_windows_1252_page_declaring_its_charset_is_read_without_warning()
    {
        byte[] bytes = Windows1252("<html><head><meta charset=\"windows-1252\"><title>Crue</title></head><body><p>" + Story + "</p></body></html>");
        Article article = ReadOne(bytes, "page.html").Article!;
        Assert.Equal(Story, article.Text);
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public void An_iso_8859_1_declaration_in_http_equiv_is_honoured_as_browsers_do()
    {
        byte[] bytes = Windows1252("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>" + Story + "</p></body></html>");
        Assert.Equal(Story, ReadOne(bytes).Article!.Text);
    }

    [Fact]
    public void An_iso_8859_15_page_reads_its_oe()
    {
        byte[] bytes = [.. "<html><head><meta charset=\"iso-8859-15\"></head><body><p>Au c"u8, 0xBD, .. "ur de la ville.</p></body></html>"u8];
        Assert.Equal("Au c\u0153ur de la ville.", ReadOne(bytes, "page.html").Article!.Text);
    }

    [Fact]
    public void A_legacy_page_without_declaration_is_read_as_windows_1252_with_a_warning()
    {
        byte[] bytes = Windows1252("<html><body><p>" + Story + "</p></body></html>");
        Article article = ReadOne(bytes, "page.html").Article!;
        Assert.Equal(Story, article.Text);
        Assert.Contains(article.Warnings, w => w.Contains("Windows-1252", StringComparison.Ordinal));
    }

    [Fact]
    public void A_byte_order_mark_wins_over_the_declared_charset()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><body><p>" + Story + "</p></body></html>")];
        Article article = ReadOne(bytes, "page.html").Article!;
        Assert.Equal(Story, article.Text);
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public void A_utf8_page_with_a_stale_latin1_declaration_is_read_as_utf8_with_a_warning()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><body><p>" + Story + "</p></body></html>");
        Article article = ReadOne(bytes, "page.html").Article!;
        Assert.Equal(Story, article.Text);
        Assert.Contains(article.Warnings, w => w.Contains("valid UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void A_windows_1252_text_file_is_read_with_a_warning()
    {
        Article article = ReadOne(Windows1252(Story), "note.txt").Article!;
        Assert.Equal(Story, article.Text);
        Assert.Equal(["not UTF-8 and no charset declared: decoded as Windows-1252"], article.Warnings);
    }

    [Fact]
    public void A_five_megabyte_single_line_text_is_one_article()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Une phrase sans fin de ligne. ", 175_000)));
        Assert.True(bytes.Length > 5_000_000);
        Assert.Equal(bytes.Length, ReadOne(bytes, "long.txt").Article!.Text.Length);
    }

    [Fact]
    public void Plain_text_is_kept_exactly()
    {
        const string text = "  Titre\r\n\r\nPremier paragraphe.\n";
        Assert.Equal(text, ReadOne(Encoding.UTF8.GetBytes(text), "a.txt").Article!.Text);
    }

    [Fact]
    public void Hostile_input_never_throws_and_every_result_is_an_article_or_a_one_line_error()
    {
        var random = new Random(20240521);
        string[] fragments =
        [
            "<p>", "</p>", "<div class=\"content\">", "</div>", "<br>", "<script>", "</script>", "<b>", "<table><tr><td>", "<pre>",
            "<!--", "-->", "<meta charset=\"iso-8859-15\">", "<h1>", "</h1>", "&amp;", "&#x0;", "&#xD800;", "\u0000", "\uFFFD",
            "Les forces russes, selon Kiev, ont reculé.", "{\"text\": ", "\"id\": 3,", "}", "\n", "\r\n", "<html>", "<body>", "é", "\t",
            "<a href=x>", "</a>", "<li>", "<nav>", "<style>", "<![CDATA[", "]]>", "<?xml", "\u202F", "<svg><p>x</svg>",
        ];
        string[] names = ["a.html", "a.jsonl", "a.txt", "a"];
        for (int i = 0; i < 300; i++)
        {
            byte[] bytes;
            if (i % 3 == 0)
            {
                bytes = new byte[random.Next(0, 600)];
                random.NextBytes(bytes);
            }
            else
            {
                var builder = new StringBuilder();
                for (int k = random.Next(0, 80); k > 0; k--)
                {
                    builder.Append(fragments[random.Next(fragments.Length)]);
                }

                bytes = i % 5 == 0 ? Windows1252Lossy(builder.ToString()) : Encoding.UTF8.GetBytes(builder.ToString());
            }

            foreach (ArticleReadResult result in ArticleReader.Read(bytes, $"fuzz-{i}", ArticleFormat.Auto, names[i % names.Length]))
            {
                Assert.True((result.Article is null) != (result.Error is null), $"fuzz-{i}: exactly one of article and error");
                if (result.Error is string error)
                {
                    Assert.False(string.IsNullOrWhiteSpace(error), $"fuzz-{i}: empty error");
                    Assert.DoesNotContain('\n', error);
                    Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
                }
                else
                {
                    Assert.False(string.IsNullOrWhiteSpace(result.Article!.Text), $"fuzz-{i}: empty article");
                }
            }
        }
    }

    private static byte[] Windows1252Lossy(string text) =>
        CodePagesEncodingProvider.Instance.GetEncoding(1252, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback)!.GetBytes(text);
}
