using System.Xml.Linq;
using Sitrep.Articles.Html;
using Sitrep.Documents;

namespace Sitrep.Articles.Feeds;

/// <summary>
/// Reads the items of an RSS 2.0 (and 0.9x), RSS 1.0 (RDF) or Atom 1.0 feed as articles, one
/// <see cref="ArticleReadResult"/> per item in feed order, each named <c>"{origin} item {n}"</c>:
/// <list type="bullet">
/// <item>text: <c>content:encoded</c>, else Atom <c>content</c>, else <c>description</c> / <c>summary</c>; HTML is reduced to
/// text by the same path as a page's story (<see cref="HtmlArticleReader"/>), so offsets point into that text as they do
/// for an HTML article; Atom <c>type="text"</c> is taken as it is;</item>
/// <item>URL and id: the item's link (Atom: <c>rel="alternate"</c>), resolved against <c>xml:base</c>, the feed's address
/// or the channel's link; else the <c>guid</c> / Atom <c>id</c> as the id;</item>
/// <item>published: <c>pubDate</c>, <c>dc:date</c>, Atom <c>published</c>, then <c>updated</c> (RFC 822 or ISO 8601, see
/// <see cref="FeedDates"/>); a date that cannot be read is left out with a warning;</item>
/// <item>language: the item's <c>dc:language</c> or <c>xml:lang</c>, else the channel's <c>language</c>, as a declared language;</item>
/// <item>source: the channel's title.</item>
/// </list>
/// Missing fields are left empty; an item without text fails with a reason and the others are read. A document that is
/// not well-formed, declares a DTD, or is not a feed is one failure (see <see cref="FeedXml"/>).
/// </summary>
public static class FeedReader
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Rss10 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <summary>The articles of the feed in <paramref name="xml"/>; <paramref name="location"/> is the address it came from, for relative links.</summary>
    public static IEnumerable<ArticleReadResult> Read(string xml, string origin, Uri? location = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(origin);
        List<ArticleReadResult> results = [];
        try
        {
            XElement root = FeedXml.Load(xml).Root!;
            FeedKind kind = FeedXml.KindOf(root.Name.LocalName, root.Name.NamespaceName);
            IEnumerable<(XElement Item, Func<Article> Read)> items = kind switch
            {
                FeedKind.Rss or FeedKind.Rdf => RssItems(root, kind, location),
                FeedKind.Atom => AtomEntries(root, location),
                FeedKind.Opml => throw new ArticleReadException("an OPML list of feeds, not a feed: give it to sitrep ingest, which reads the feeds it lists"),
                _ => throw new ArticleReadException($"the XML root element is <{root.Name.LocalName}>, not a feed (<rss>, <rdf:RDF> or Atom <feed>)"),
            };
            int number = 0;
            foreach ((XElement item, Func<Article> read) in items)
            {
                number++;
                results.Add(ReadItem($"{origin} item {number}", number, read, IdOf(item, kind)));
            }
        }
        catch (ArticleReadException e)
        {
            return [ArticleReadResult.Failure(origin, e.Message)];
        }

        return results.Count > 0 ? results : [ArticleReadResult.Failure(origin, "the feed has no items")];
    }

    private static ArticleReadResult ReadItem(string origin, int number, Func<Article> read, string? id)
    {
        try
        {
            return ArticleReadResult.Success(origin, read(), number);
        }
        catch (ArticleReadException e)
        {
            return ArticleReadResult.Failure(origin, e.Message, id, number);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            return ArticleReadResult.Failure(origin, $"internal error while reading ({e.GetType().Name}): {e.Message}", id, number);
        }
    }

    private static IEnumerable<(XElement, Func<Article>)> RssItems(XElement root, FeedKind kind, Uri? location)
    {
        XElement? channel = RssChild(root, "channel");
        XElement itemParent = kind == FeedKind.Rdf ? root : channel ?? root;
        Uri? site = channel is null ? null : FeedXml.Resolve(RssText(channel, "link") ?? "", FeedXml.BaseOf(channel, location));
        string? source = channel is null ? null : HtmlText.Clean(RssText(channel, "title"));
        string? channelLanguage = channel is null ? null
            : RssText(channel, "language") ?? Text(channel.Element(DublinCore + "language")) ?? FeedXml.XmlLang(channel);
        foreach (XElement item in itemParent.Elements().Where(e => e.Name.LocalName == "item" && IsRss(e.Name.Namespace)))
        {
            yield return (item, () => RssArticle(item, location, site, source, channelLanguage));
        }
    }

    private static Article RssArticle(XElement item, Uri? location, Uri? site, string? source, string? channelLanguage)
    {
        var warnings = new List<string>();
        Uri? baseUri = FeedXml.BaseOf(item, location) ?? site;
        string? rawLink = RssText(item, "link") ?? Text(item.Element(Atom + "link")?.Attribute("href"));
        string? link = Link(rawLink, baseUri, warnings);
        XElement? guid = RssChild(item, "guid");
        string? guidText = Text(guid);

        // A permalink guid (the default in RSS 2.0) is the item's address when it has no <link>.
        if (link is null && guidText is not null && !string.Equals(guid!.Attribute("isPermaLink")?.Value, "false", StringComparison.OrdinalIgnoreCase))
        {
            link = FeedXml.Resolve(guidText, baseUri)?.AbsoluteUri;
        }

        string? text = HtmlToText(Text(item.Element(Content + "encoded"))) ?? HtmlToText(RssText(item, "description"));
        string? title = TitleText(RssText(item, "title"));
        string? dateValue = RssText(item, "pubDate") ?? Text(item.Element(DublinCore + "date")) ?? Text(item.Element(Atom + "updated"));
        string? language = Text(item.Element(DublinCore + "language")) ?? OwnXmlLang(item) ?? channelLanguage;
        return Build(text, title, link, link ?? guidText ?? Text(item.Attribute(XName.Get("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"))),
            source, dateValue, language, warnings);
    }

    private static IEnumerable<(XElement, Func<Article>)> AtomEntries(XElement root, Uri? location)
    {
        XNamespace ns = root.Name.Namespace;
        Uri? site = AlternateLink(root, ns, location, null);
        string? source = TextConstruct(root.Element(ns + "title"));
        foreach (XElement entry in root.Elements(ns + "entry"))
        {
            yield return (entry, () => AtomArticle(entry, ns, location, site, source));
        }
    }

    private static Article AtomArticle(XElement entry, XNamespace ns, Uri? location, Uri? site, string? source)
    {
        var warnings = new List<string>();
        Uri? link = AlternateLink(entry, ns, location, site);
        if (link is null && entry.Elements(ns + "link").Any(l => (l.Attribute("rel")?.Value.Trim() ?? "alternate") == "alternate"))
        {
            warnings.Add("the entry's link is not an http(s) address and cannot be resolved against the feed: left out");
        }

        string? text = TextConstruct(entry.Element(Content + "encoded")) ?? TextConstruct(entry.Element(ns + "content")) ?? TextConstruct(entry.Element(ns + "summary"));
        string? title = TextConstruct(entry.Element(ns + "title"));
        string? dateValue = Text(entry.Element(ns + "published")) ?? Text(entry.Element(ns + "issued")) ?? Text(entry.Element(DublinCore + "date"))
            ?? Text(entry.Element(ns + "updated")) ?? Text(entry.Element(ns + "modified"));
        string? language = Text(entry.Element(DublinCore + "language")) ?? FeedXml.XmlLang(entry);
        return Build(text, title, link?.AbsoluteUri, link?.AbsoluteUri ?? Text(entry.Element(ns + "id")), source, dateValue, language, warnings);
    }

    private static Article Build(string? text, string? title, string? url, string? id, string? source, string? dateValue, string? language, List<string> warnings)
    {
        if (text is null)
        {
            throw new ArticleReadException(title is null
                ? "the item has no text: no description, summary or content"
                : $"the item '{Shorten(title)}' has only a title: no description, summary or content");
        }

        PublicationDate? published = null;
        if (dateValue is not null)
        {
            if (FeedDates.TryParse(dateValue, out PublicationDate date))
            {
                published = date;
            }
            else
            {
                warnings.Add($"the item's date is not a date: '{Shorten(dateValue)}' (expected RFC 822 or ISO 8601): left out");
            }
        }

        string? declared = LanguageCodes.Normalize(language);
        if (language is not null && declared is null && language.Trim().Length > 0)
        {
            warnings.Add($"the feed's language is not an ISO 639-1 code: '{Shorten(language)}': the language will be detected");
        }

        return new Article
        {
            Text = text,
            Id = id,
            Title = title,
            Url = url,
            Source = source,
            Published = published,
            Language = declared,
            Warnings = [.. warnings],
        };
    }

    /// <summary>The id a failed item is reported with: its link, guid or Atom id.</summary>
    private static string? IdOf(XElement item, FeedKind kind) =>
        kind == FeedKind.Atom
            ? Text(item.Elements().FirstOrDefault(e => e.Name.LocalName == "link")?.Attribute("href")) ?? Text(item.Elements().FirstOrDefault(e => e.Name.LocalName == "id"))
            : RssText(item, "link") ?? RssText(item, "guid");

    private static string? Link(string? raw, Uri? baseUri, List<string> warnings)
    {
        if (raw is null)
        {
            return null;
        }

        if (FeedXml.Resolve(raw, baseUri) is Uri resolved)
        {
            return resolved.AbsoluteUri;
        }

        warnings.Add($"the item's link '{Shorten(raw)}' is not an http(s) address and cannot be resolved against the feed: left out");
        return null;
    }

    /// <summary>The entry's (or feed's) <c>rel="alternate"</c> link, preferring an HTML one, resolved against its <c>xml:base</c>.</summary>
    private static Uri? AlternateLink(XElement element, XNamespace ns, Uri? location, Uri? fallback)
    {
        XElement? best = null;
        foreach (XElement link in element.Elements(ns + "link"))
        {
            string rel = link.Attribute("rel")?.Value.Trim() ?? "alternate";
            if (rel != "alternate" || Text(link.Attribute("href")) is null)
            {
                continue;
            }

            string? type = link.Attribute("type")?.Value;
            if (best is null || (type is not null && type.Contains("html", StringComparison.OrdinalIgnoreCase)))
            {
                best = link;
            }
        }

        return best is null ? null : FeedXml.Resolve(best.Attribute("href")!.Value, FeedXml.BaseOf(best, location) ?? fallback);
    }

    /// <summary>An Atom text construct: <c>type="text"</c> as it is, <c>html</c> and <c>xhtml</c> reduced to text; out-of-line content (<c>src</c>) is skipped.</summary>
    private static string? TextConstruct(XElement? element)
    {
        if (element is null || element.Attribute("src") is not null)
        {
            return null;
        }

        string type = element.Attribute("type")?.Value.Trim().ToLowerInvariant() ?? "text";
        return type switch
        {
            "xhtml" or "application/xhtml+xml" => HtmlToText(XhtmlMarkup(element)),
            "html" or "text/html" => HtmlToText(element.Value),
            "text" or "text/plain" when element.Name.Namespace == Content => HtmlToText(element.Value),
            "text" or "text/plain" => NonEmpty(element.Value),
            _ => null,
        };
    }

    /// <summary>The markup inside an xhtml construct (its wrapping &lt;div&gt; included), without XML namespace declarations.</summary>
    private static string XhtmlMarkup(XElement element)
    {
        var copy = new XElement(element);
        foreach (XElement e in copy.DescendantsAndSelf())
        {
            e.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
            e.Name = e.Name.LocalName;
        }

        return string.Concat(copy.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
    }

    private static string? HtmlToText(string? html) => NonEmpty(html) is null ? null : NonEmpty(HtmlArticleReader.FragmentText(html!));

    /// <summary>A title as text: some feeds put markup or escaped entities in titles ("Ukraine &amp;amp; Russie").</summary>
    private static string? TitleText(string? title) =>
        title is null ? null : title.Contains('<', StringComparison.Ordinal) || title.Contains('&', StringComparison.Ordinal)
            ? HtmlText.Clean(HtmlArticleReader.FragmentText(title))
            : HtmlText.Clean(title);

    private static bool IsRss(XNamespace ns) => ns == XNamespace.None || ns == Rss10 || ns == Rss090;

    private static XElement? RssChild(XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == name && IsRss(e.Name.Namespace));

    private static string? RssText(XElement parent, string name) => Text(RssChild(parent, name));

    /// <summary>The item's own xml:lang, not the one it inherits (the channel's language element comes before that).</summary>
    private static string? OwnXmlLang(XElement item) => item.Attribute(FeedXml.XmlNs + "lang")?.Value;

    private static string? Text(XElement? element) => NonEmpty(element?.Value);

    private static string? Text(XAttribute? attribute) => NonEmpty(attribute?.Value);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Shorten(string value, int length = 60) => value.Length <= length ? value : value[..(length - 3)] + "...";
}
