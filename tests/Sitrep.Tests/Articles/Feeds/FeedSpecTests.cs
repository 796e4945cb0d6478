using System.Text.Json;
using Sitrep.Articles;
using Sitrep.Articles.Feeds;

namespace Sitrep.Tests.Articles.Feeds;

/// <summary>
/// The feeds in Specs/Articles/Feeds (written for Sitrep): each item must become the article its case in cases.json
/// describes (only the fields the case names are checked; null means absent), read as bytes through
/// <see cref="ArticleReader"/>, the path the CLI takes.
/// </summary>
public sealed class FeedSpecTests
{
    internal static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Specs", "Articles", "Feeds");

    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(LoadCases);

    public static TheoryData<string> FeedFiles => [.. Cases.Value.Keys];

    private static Dictionary<string, JsonElement> LoadCases()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "cases.json")));
        return document.RootElement.GetProperty("feeds").EnumerateArray()
            .ToDictionary(c => c.GetProperty("file").GetString()!, c => c.Clone(), StringComparer.Ordinal);
    }

    private static List<ArticleReadResult> ReadFeed(string file)
    {
        string path = Path.Combine(Folder, file);
        return [.. ArticleReader.Read(File.ReadAllBytes(path), file, ArticleFormat.Auto, path)];
    }

    [Theory]
    [MemberData(nameof(FeedFiles))]
    public void Each_item_becomes_the_article_its_case_describes(string file)
    {
        List<ArticleReadResult> results = ReadFeed(file);
        JsonElement[] expected = [.. Cases.Value[file].GetProperty("items").EnumerateArray()];
        Assert.Equal(expected.Length, results.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            ArticleReadResult result = results[i];
            JsonElement spec = expected[i];
            Assert.Equal($"{file} item {i + 1}", result.Origin);
            if (spec.TryGetProperty("error", out JsonElement error))
            {
                Assert.Null(result.Article);
                Assert.Equal(error.GetString(), result.Error);
                Assert.Equal(spec.GetProperty("id").GetString(), result.Id);
                continue;
            }

            Assert.Null(result.Error);
            Article article = result.Article!;
            foreach (JsonProperty field in spec.EnumerateObject())
            {
                string? value = field.Value.ValueKind == JsonValueKind.Null ? null : field.Value.GetString();
                switch (field.Name)
                {
                    case "warning":
                        Assert.Contains(article.Warnings, w => w.StartsWith(value!, StringComparison.Ordinal));
                        break;
                    default:
                        Assert.Equal((field.Name, value), (field.Name, Field(article, field.Name)));
                        break;
                }
            }
        }
    }

    [Fact]
    public void Feeds_are_told_from_other_xml_by_their_root_element()
    {
        Assert.Equal(ArticleFormat.Feed, ArticleReader.Detect(null, File.ReadAllText(Path.Combine(Folder, "rss2-fr.xml"))));
        Assert.Equal(ArticleFormat.Feed, ArticleReader.Detect("atom-en.xml", File.ReadAllText(Path.Combine(Folder, "atom-en.xml"))));
        Assert.Equal(ArticleFormat.Feed, ArticleReader.Detect("feed", "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>"));
        Assert.Equal(ArticleFormat.Opml, ArticleReader.Detect("list.xml", File.ReadAllText(Path.Combine(Folder, "subscriptions.opml"))));
        Assert.Equal(ArticleFormat.Opml, ArticleReader.Detect("list.opml", "anything"));
        Assert.Equal(ArticleFormat.Feed, ArticleReader.Detect("news.rss", "anything"));
        Assert.Equal(ArticleFormat.Text, ArticleReader.Detect(null, "<RDF>not the RDF namespace</RDF>"));
        Assert.Equal(ArticleFormat.Html, ArticleReader.Detect(null, "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>x</p></body></html>"));
    }

    [Fact]
    public void Opml_list_gives_every_nested_feed_once_in_document_order()
    {
        IReadOnlyList<FeedLocation> feeds = OpmlReader.Read(File.ReadAllBytes(Path.Combine(Folder, "subscriptions.opml")));

        Assert.Equal(["rss2-fr.xml", "rss1-fr.rdf", "atom-en.xml"], feeds.Select(f => f.Address));
        Assert.Equal(["Quotidien", "Archives RDF", "Example Wire"], feeds.Select(f => f.Title));
    }

    [Fact]
    public void Opml_addresses_are_resolved_against_the_list_address_when_it_was_fetched()
    {
        const string opml = "<opml version=\"1.0\"><body><outline xmlurl=\"feeds/monde.xml\"/><outline xmlUrl=\"https://autre.example/rss\"/></body></opml>";

        IReadOnlyList<FeedLocation> feeds = OpmlReader.Read(opml, new Uri("https://veille.example/listes/abonnements.opml"));

        Assert.Equal(["https://veille.example/listes/feeds/monde.xml", "https://autre.example/rss"], feeds.Select(f => f.Address));
    }

    [Fact]
    public void An_opml_list_without_feeds_and_an_opml_list_read_as_articles_fail_with_their_reason()
    {
        ArticleReadException none = Assert.Throws<ArticleReadException>(() => OpmlReader.Read("<opml><body><outline text=\"vide\"/></body></opml>"));
        ArticleReadResult asArticles = Assert.Single(ArticleReader.Read(File.ReadAllBytes(Path.Combine(Folder, "subscriptions.opml")), "subscriptions.opml"));

        Assert.Equal("the OPML list names no feed (no <outline> with an xmlUrl)", none.Message);
        Assert.StartsWith("an OPML list of feeds, not articles", asArticles.Error, StringComparison.Ordinal);
    }

    private static string? Field(Article article, string name) => name switch
    {
        "title" => article.Title,
        "url" => article.Url,
        "id" => article.Id,
        "published" => article.Published?.ToString(),
        "language" => article.Language,
        "source" => article.Source,
        "text" => article.Text,
        _ => throw new InvalidOperationException($"unknown field '{name}' in cases.json"),
    };
}
