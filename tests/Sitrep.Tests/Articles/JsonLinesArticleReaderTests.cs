using System.Text;
using Sitrep.Articles;

namespace Sitrep.Tests.Articles;

public sealed class JsonLinesArticleReaderTests
{
    private static List<ArticleReadResult> Read(string content) => [.. JsonLinesArticleReader.Read(content, "batch.jsonl")];

    private static ArticleReadResult ReadLine(string line) => Assert.Single(Read(line));

    [Fact]
    public void Each_line_is_an_article_in_input_order_with_its_fields()
    {
        List<ArticleReadResult> results = Read(
            "{\"id\": \"a1\", \"text\": \"Premier.\", \"published\": \"2022-05-14\", \"lang\": \"fr\", \"title\": \"T1\", \"url\": \"https://a.example/1\", \"source\": \"Agence\"}\n"
            + "{\"id\": \"a2\", \"text\": \"Second.\"}\n");
        Assert.Equal(["a1", "a2"], results.Select(r => r.Id));
        Assert.Equal([1, 2], results.Select(r => r.Line));
        Assert.Equal(["batch.jsonl:1", "batch.jsonl:2"], results.Select(r => r.Origin));
        Article first = results[0].Article!;
        Assert.Equal("Premier.", first.Text);
        Assert.Equal("2022-05-14", first.Published?.ToString());
        Assert.Equal("fr", first.Language);
        Assert.Equal("T1", first.Title);
        Assert.Equal("https://a.example/1", first.Url);
        Assert.Equal("Agence", first.Source);
    }

    [Fact]
    public void Unknown_fields_are_ignored_and_names_match_in_any_case()
    {
        Article article = ReadLine("{\"ID\": \"x\", \"Text\": \"Bonjour.\", \"author\": {\"name\": \"A\"}, \"tags\": [1, 2], \"score\": 0.5}").Article!;
        Assert.Equal("x", article.Id);
        Assert.Equal("Bonjour.", article.Text);
    }

    [Fact]
    public void A_numeric_id_is_read_as_its_digits() =>
        Assert.Equal("1234567890123", ReadLine("{\"id\": 1234567890123, \"text\": \"Bonjour.\"}").Article!.Id);

    [Fact]
    public void Crlf_line_ends_and_blank_lines_are_handled_and_line_numbers_still_count()
    {
        List<ArticleReadResult> results = Read("{\"id\": \"a\", \"text\": \"Un.\"}\r\n\r\n   \r\n{\"id\": \"b\", \"text\": \"Deux.\"}\r\n");
        Assert.Equal(["a", "b"], results.Select(r => r.Id));
        Assert.Equal([1, 4], results.Select(r => r.Line));
        Assert.All(results, r => Assert.DoesNotContain('\r', r.Article!.Text));
    }

    [Fact]
    public void A_bom_at_the_start_of_the_file_or_of_a_concatenated_part_is_ignored()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "{\"id\": \"a\", \"text\": \"Un.\"}\n\uFEFF{\"id\": \"b\", \"text\": \"Deux.\"}\n"u8];
        List<ArticleReadResult> results = [.. ArticleReader.Read(bytes, "batch.jsonl", ArticleFormat.Auto, "batch.jsonl")];
        Assert.Equal(["a", "b"], results.Select(r => r.Article?.Id));
    }

    [Fact]
    public void A_broken_line_fails_with_its_line_number_and_id_and_the_batch_goes_on()
    {
        List<ArticleReadResult> results = Read("{\"id\": \"a\", \"text\": \"Un.\"}\n{\"id\": \"b\", \"text\": \"Deux sans fin\n{\"id\": \"c\", \"text\": \"Trois.\"}\n");
        Assert.Equal(3, results.Count);
        ArticleReadResult broken = results[1];
        Assert.Null(broken.Article);
        Assert.Equal("b", broken.Id);
        Assert.Equal(2, broken.Line);
        Assert.StartsWith("not valid JSON: ", broken.Error, StringComparison.Ordinal);
        Assert.Contains("(at byte", broken.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", broken.Error, StringComparison.Ordinal);
        Assert.Equal("Trois.", results[2].Article!.Text);
    }

    [Theory]
    [InlineData("not json", "not valid JSON: the line starts with 'not json', not with {")]
    [InlineData("id,text,published", "not valid JSON: the line starts with 'id,text,published', not with {")]
    [InlineData("{\"text\": \"Un.\",}", "not valid JSON: ")]
    public void A_line_that_is_not_json_fails_saying_how_it_starts(string line, string expected) =>
        Assert.StartsWith(expected, ReadLine(line).Error, StringComparison.Ordinal);

    [Theory]
    [InlineData("[{\"text\": \"Un.\"}]", "a JSON array where an object")]
    [InlineData("\"Un texte seul.\"", "a JSON string where an object")]
    [InlineData("42", "a JSON number where an object")]
    [InlineData("null", "a JSON null where an object")]
    [InlineData("true", "a JSON boolean where an object")]
    public void A_line_that_is_not_an_object_fails_saying_what_it_is(string line, string expected) =>
        Assert.StartsWith(expected, ReadLine(line).Error, StringComparison.Ordinal);

    [Theory]
    [InlineData("{\"id\": \"a\"}", "neither \"text\" nor \"html\" is given")]
    [InlineData("{\"id\": \"a\", \"text\": null}", "neither \"text\" nor \"html\" is given")]
    [InlineData("{\"id\": \"a\", \"text\": \"  \", \"html\": \"\"}", "\"text\" and \"html\" are empty")]
    [InlineData("{\"id\": \"a\", \"text\": 12}", "\"text\" must be a string, not a JSON number")]
    [InlineData("{\"id\": \"a\", \"text\": \"Un.\", \"title\": [\"x\"]}", "\"title\" must be a string, not a JSON array")]
    [InlineData("{\"id\": \"a\", \"text\": \"Un.\", \"published\": 1652529000}", "\"published\" must be a date string such as \"2022-05-14\", not a JSON number")]
    [InlineData("{\"id\": \"a\", \"text\": \"Un.\", \"published\": \"hier\"}", "\"published\" is not a date: 'hier' (expected ISO 8601")]
    [InlineData("{\"id\": {\"n\": 1}, \"text\": \"Un.\"}", "\"id\" must be a string or a number, not a JSON object")]
    public void A_line_with_a_missing_or_mistyped_field_fails_with_a_reason(string line, string expected)
    {
        ArticleReadResult result = ReadLine(line);
        Assert.Null(result.Article);
        Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_line_keeps_its_id_when_the_object_could_be_read() =>
        Assert.Equal("a", ReadLine("{\"id\": \"a\", \"published\": \"hier\", \"text\": \"Un.\"}").Id);

    [Fact]
    public void A_null_published_is_no_date() =>
        Assert.Null(ReadLine("{\"text\": \"Un.\", \"published\": null}").Article!.Published);

    [Theory]
    [InlineData("FR", "fr")]
    [InlineData("fr-CA", "fr")]
    [InlineData("en_GB", "en")]
    public void The_language_hint_is_normalised(string lang, string expected) =>
        Assert.Equal(expected, ReadLine($"{{\"text\": \"Un.\", \"lang\": \"{lang}\"}}").Article!.Language);

    [Fact]
    public void A_language_hint_that_is_not_a_code_is_ignored_with_a_warning()
    {
        Article article = ReadLine("{\"text\": \"Un.\", \"lang\": \"français\"}").Article!;
        Assert.Null(article.Language);
        Assert.Contains(article.Warnings, w => w.Contains("'français'", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_is_extracted_and_the_line_fields_win_over_the_page()
    {
        const string html = "<html lang=\"en\"><head><meta property=\"og:title\" content=\"Page title\"><meta property=\"og:site_name\" content=\"Site\">"
            + "<meta property=\"article:published_time\" content=\"2020-01-01\"></head><body><nav><a href=\"/\">Home</a></nav><p>Les forces russes ont reculé.</p></body></html>";
        string line = "{\"id\": \"h\", \"html\": " + System.Text.Json.JsonSerializer.Serialize(html) + ", \"title\": \"Titre donné\", \"published\": \"2022-05-14\"}";
        Article article = ReadLine(line).Article!;
        Assert.Equal("Les forces russes ont reculé.", article.Text);
        Assert.Equal("Titre donné", article.Title);
        Assert.Equal("2022-05-14", article.Published?.ToString());
        Assert.Equal("Site", article.Source);
        Assert.Equal("en", article.Language);
    }

    [Fact]
    public void Html_without_text_fails_with_the_html_reason_and_the_id()
    {
        ArticleReadResult result = ReadLine("{\"id\": \"j\", \"html\": \"<html><body><div id=root></div><script src=app.js></script></body></html>\"}");
        Assert.Equal("j", result.Id);
        Assert.StartsWith("the page has no text in its HTML: it is built by JavaScript", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_wins_over_html_with_a_warning()
    {
        Article article = ReadLine("{\"text\": \"Le texte.\", \"html\": \"<p>La page.</p>\"}").Article!;
        Assert.Equal("Le texte.", article.Text);
        Assert.Contains(article.Warnings, w => w.Contains("\"html\" ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void A_very_long_line_is_read()
    {
        string text = string.Concat(Enumerable.Repeat("Une phrase de plus. ", 100_000));
        Assert.Equal(text, ReadLine("{\"id\": \"long\", \"text\": \"" + text + "\"}").Article!.Text);
    }

    [Fact]
    public void Json_nested_too_deep_fails_without_crashing()
    {
        string line = "{\"text\": \"Un.\", \"x\": " + new string('[', 10_000) + new string(']', 10_000) + "}";
        Assert.StartsWith("not valid JSON", ReadLine(line).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Escaped_text_is_decoded() =>
        Assert.Equal("l\u2019arm\u00e9e \u00ab oui \u00bb\nfin", ReadLine("{\"text\": \"l\\u2019arm\\u00e9e \\u00ab oui \\u00bb\\nfin\"}").Article!.Text);

    [Fact]
    public void Every_line_of_a_mixed_batch_gives_one_result()
    {
        var batch = new StringBuilder();
        batch.Append("{\"id\": 1, \"text\": \"Un.\"}\n");
        batch.Append("not json\n");
        batch.Append("[]\n");
        batch.Append("{\"id\": 4}\n");
        batch.Append("{\"id\": 5, \"text\": \"Cinq.\", \"published\": \"14/05/2022\"}\n");
        List<ArticleReadResult> results = Read(batch.ToString());
        Assert.Equal([true, false, false, false, true], results.Select(r => r.Article is not null));
        Assert.Equal([1, 2, 3, 4, 5], results.Select(r => r.Line));
    }
}
