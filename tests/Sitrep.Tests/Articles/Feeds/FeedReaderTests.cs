using System.Text;
using Sitrep.Articles;
using Sitrep.Articles.Feeds;

namespace Sitrep.Tests.Articles.Feeds;

public sealed class FeedReaderTests
{
    private static List<ArticleReadResult> Read(string xml, Uri? location = null) => [.. FeedReader.Read(xml, "feed.xml", location)];

    private static Article ReadOne(string xml, Uri? location = null) => Assert.Single(Read(xml, location)).Article!;

    [Fact]
    public void Malformed_xml_is_one_failure_saying_where_it_breaks()
    {
        ArticleReadResult result = Assert.Single(Read("<rss version=\"2.0\"><channel><item><title>Sans fin</channel></rss>"));

        Assert.Null(result.Article);
        Assert.Equal("feed.xml", result.Origin);
        Assert.StartsWith("not well-formed XML: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("Line 1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void External_entities_are_refused_and_no_local_file_is_read()
    {
        string passwd = Path.Combine(Path.GetTempPath(), $"sitrep-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(passwd, "SECRET-LOCAL-CONTENT");
        try
        {
            string xml = $"<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://{passwd}\">]>\n"
                + "<rss version=\"2.0\"><channel><item><title>x</title><description>&xxe;</description></item></channel></rss>";

            ArticleReadResult result = Assert.Single(Read(xml));
            ArticleReadResult viaReader = Assert.Single(ArticleReader.Read(Encoding.UTF8.GetBytes(xml), "feed.xml"));

            Assert.Null(result.Article);
            Assert.StartsWith("the document declares a DTD (<!DOCTYPE …>), which is refused", result.Error, StringComparison.Ordinal);
            Assert.Equal(result.Error, viaReader.Error);
            Assert.DoesNotContain("SECRET", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(passwd);
        }
    }

    [Fact]
    public void Entity_expansion_bombs_are_refused()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++)
        {
            xml.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        xml.Append("]><rss><channel><item><description>&lol9;</description></item></channel></rss>");

        ArticleReadResult result = Assert.Single(Read(xml.ToString()));

        Assert.StartsWith("the document declares a DTD", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_html_page_given_as_a_feed_says_so()
    {
        ArticleReadResult result = Assert.Single(Read("<!DOCTYPE html><html><head><link rel=alternate></head><body><p>Accueil</body></html>"));

        Assert.StartsWith("an HTML page, not a feed", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<catalog><book/></catalog>", "the XML root element is <catalog>, not a feed (<rss>, <rdf:RDF> or Atom <feed>)")]
    [InlineData("<rss version=\"2.0\"><channel><title>Vide</title></channel></rss>", "the feed has no items")]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Vide</title></feed>", "the feed has no items")]
    public void A_document_that_gives_no_item_is_one_failure_with_its_reason(string xml, string expected) =>
        Assert.Equal(expected, Assert.Single(Read(xml)).Error);

    [Fact]
    public void Missing_fields_are_left_empty()
    {
        Article article = ReadOne("<rss><channel><item><description>Des tirs ont été entendus.</description></item></channel></rss>");

        Assert.Equal("Des tirs ont été entendus.", article.Text);
        Assert.Null(article.Title);
        Assert.Null(article.Url);
        Assert.Null(article.Id);
        Assert.Null(article.Published);
        Assert.Null(article.Language);
        Assert.Null(article.Source);
        Assert.Empty(article.Warnings);
    }

    [Fact]
    public void Relative_links_resolve_against_the_feed_address_when_there_is_no_xml_base()
    {
        const string xml = "<rss><channel><item><link>article/42</link><description>Un texte.</description></item></channel></rss>";

        Article fetched = ReadOne(xml, new Uri("https://site.example/rss/"));
        Article local = ReadOne(xml);

        Assert.Equal("https://site.example/rss/article/42", fetched.Url);
        Assert.Null(local.Url);
        Assert.Contains(local.Warnings, w => w.StartsWith("the item's link 'article/42' is not an http(s) address", StringComparison.Ordinal));
    }

    [Fact]
    public void A_link_in_another_scheme_is_not_taken()
    {
        Article article = ReadOne("<rss><channel><item><link>javascript:alert(1)</link><description>Un texte.</description></item></channel></rss>");

        Assert.Null(article.Url);
    }

    [Fact]
    public void Html_in_the_description_is_reduced_to_its_text_as_a_page_would_be()
    {
        Article article = ReadOne("<rss><channel><item><description><![CDATA[<div><p>Premier paragraphe de la dépêche.</p><script>track()</script><p>Second &amp; dernier.</p></div>]]></description></item></channel></rss>");

        Assert.Equal("Premier paragraphe de la dépêche.\n\nSecond & dernier.", article.Text);
    }

    [Fact]
    public void An_unknown_language_code_is_left_to_the_detector_with_a_warning()
    {
        Article article = ReadOne("<rss><channel><language>français</language><item><description>Un texte.</description></item></channel></rss>");

        Assert.Null(article.Language);
        Assert.Contains(article.Warnings, w => w.Contains("'français'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_latin1_feed_is_decoded_as_its_xml_declaration_says()
    {
        byte[] bytes = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><description>Réunion à l'Élysée.</description></item></channel></rss>");

        Article article = Assert.Single(ArticleReader.Read(bytes, "feed.xml")).Article!;

        Assert.Equal("Réunion à l'Élysée.", article.Text);
        Assert.Empty(article.Warnings);
    }

    [Theory]
    [InlineData("Sat, 14 May 2022 09:30:00 GMT", "2022-05-14T09:30:00Z")]
    [InlineData("Sat, 14 May 22 09:30:00 +0200", "2022-05-14T09:30:00+02:00")]
    [InlineData("14 May 2022 09:30:00 +02:00", "2022-05-14T09:30:00+02:00")]
    [InlineData("Sat, 14 May 2022 09:30:00 +0200 (CEST)", "2022-05-14T09:30:00+02:00")]
    [InlineData("sam., 14 mai 2022 09:30:00 +0200", "2022-05-14T09:30:00+02:00")]
    [InlineData("mardi 1 février 2022 08:00:00 +0100", "2022-02-01T08:00:00+01:00")]
    [InlineData("2022-05-14T09:30:00.000Z", "2022-05-14T09:30:00Z")]
    [InlineData("2022-05-14", "2022-05-14")]
    public void Feed_dates_are_read_in_rfc_822_iso_8601_and_their_usual_variants(string value, string expected)
    {
        Assert.True(FeedDates.TryParse(value, out PublicationDate date));
        Assert.Equal(expected, date.ToString());
    }

    [Theory]
    [InlineData("hier soir")]
    [InlineData("Sat, 31 Feb 2022 09:30:00 GMT")]
    [InlineData("")]
    public void What_is_not_a_date_is_not_read_as_one(string value) => Assert.False(FeedDates.TryParse(value, out _));
}
