using System.Text.Json;
using Sitrep.Articles;

namespace Sitrep.Tests.Articles;

/// <summary>
/// The HTML pages in Specs/Articles/Html (written for Sitrep in the shape of real news sites): each page's main
/// text must equal its .expected.txt, contain and exclude the strings its case lists, and give its metadata.
/// Pages are read as bytes through <see cref="ArticleReader"/>, the path the CLI takes.
/// </summary>
public sealed class HtmlPageSpecTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Specs", "Articles", "Html");

    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(LoadCases);

    public static TheoryData<string> PageNames => [.. Cases.Value.Keys];

    public static TheoryData<string> ArticlePageNames => [.. Cases.Value.Where(c => !c.Value.TryGetProperty("error", out _)).Select(c => c.Key)];

    private static Dictionary<string, JsonElement> LoadCases()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "cases.json")));
        return document.RootElement.GetProperty("cases").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.Clone(), StringComparer.Ordinal);
    }

    private static ArticleReadResult ReadPage(string name)
    {
        string path = Path.Combine(Folder, name + ".html");
        return Assert.Single(ArticleReader.Read(File.ReadAllBytes(path), name, ArticleFormat.Auto, path));
    }

    private static string? Expected(JsonElement spec, string field) =>
        spec.TryGetProperty(field, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [Theory]
    [MemberData(nameof(ArticlePageNames))]
    public void Main_text_is_the_story_and_nothing_else(string name)
    {
        ArticleReadResult result = ReadPage(name);
        Assert.Null(result.Error);
        string expected = File.ReadAllText(Path.Combine(Folder, name + ".expected.txt")).TrimEnd('\n');
        Assert.Equal(expected, result.Article!.Text);
    }

    [Theory]
    [MemberData(nameof(ArticlePageNames))]
    public void Key_sentences_are_in_and_boilerplate_is_out(string name)
    {
        JsonElement spec = Cases.Value[name];
        string text = ReadPage(name).Article!.Text;
        foreach (JsonElement must in spec.GetProperty("contains").EnumerateArray())
        {
            Assert.Contains(must.GetString()!, text, StringComparison.Ordinal);
        }

        foreach (JsonElement mustNot in spec.GetProperty("excludes").EnumerateArray())
        {
            Assert.DoesNotContain(mustNot.GetString()!, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ArticlePageNames))]
    public void Metadata_comes_from_the_page(string name)
    {
        JsonElement spec = Cases.Value[name];
        Article article = ReadPage(name).Article!;
        Assert.Equal(Expected(spec, "title"), article.Title);
        Assert.Equal(Expected(spec, "published"), article.Published?.ToString());
        Assert.Equal(Expected(spec, "url"), article.Url);
        Assert.Equal(Expected(spec, "source"), article.Source);
        Assert.Equal(Expected(spec, "language"), article.Language);
        if (spec.TryGetProperty("warnings", out JsonElement warnings))
        {
            Assert.Equal(warnings.EnumerateArray().Select(w => w.GetString()), article.Warnings);
        }
    }

    [Theory]
    [MemberData(nameof(PageNames))]
    public void Reading_a_page_twice_gives_the_same_result(string name) =>
        Assert.Equal(ReadPage(name), ReadPage(name), (a, b) => a.Error == b.Error
            && a.Article?.Text == b.Article?.Text && a.Article?.Title == b.Article?.Title && a.Article?.Published == b.Article?.Published
            && a.Article?.Url == b.Article?.Url && a.Article?.Source == b.Article?.Source && a.Article?.Language == b.Article?.Language);

    [Fact]
    public void A_page_built_by_javascript_fails_with_a_reason_to_act_on()
    {
        JsonElement spec = Cases.Value["fr-js-only"];
        ArticleReadResult result = ReadPage("fr-js-only");
        Assert.Null(result.Article);
        Assert.Contains(spec.GetProperty("error").GetString()!, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Error!);
    }

    [Fact]
    public void Every_page_has_a_case_and_every_article_case_an_expected_text()
    {
        string[] pages = [.. Directory.GetFiles(Folder, "*.html").Select(p => Path.GetFileNameWithoutExtension(p)!).Order(StringComparer.Ordinal)];
        Assert.Equal(pages, Cases.Value.Keys.Order(StringComparer.Ordinal));
        foreach (string name in Cases.Value.Where(c => !c.Value.TryGetProperty("error", out _)).Select(c => c.Key))
        {
            Assert.True(File.Exists(Path.Combine(Folder, name + ".expected.txt")), $"{name}.expected.txt is missing");
        }
    }
}
