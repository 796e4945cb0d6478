using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Sitrep.Articles;

/// <summary>
/// Reads a news page: the main content as plain text (paragraphs separated by blank lines), and the
/// title, publication date, canonical URL, site name and language from the usual meta tags.
/// </summary>
public static class HtmlArticleReader
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    public static Article Read(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        using IDocument page = Parser.ParseDocument(html);
        string text = MainText(page);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArticleReadException("the HTML page has no readable text");
        }

        return new Article
        {
            Text = text,
            Title = Meta(page, "og:title", "twitter:title") ?? Clean(page.Title),
            Url = page.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(page, "og:url"),
            Source = Meta(page, "og:site_name"),
            Language = page.DocumentElement?.GetAttribute("lang"),
            Published = Published(page),
        };
    }

    private static string MainText(IDocument page)
    {
        IElement? root = page.QuerySelector("article") ?? page.QuerySelector("main") ?? page.Body;
        if (root is null)
        {
            return "";
        }

        foreach (IElement junk in root.QuerySelectorAll("script, style, noscript, nav, header, footer, aside, form, iframe, svg, template").ToList())
        {
            junk.Remove();
        }

        var builder = new StringBuilder();
        foreach (IElement block in root.QuerySelectorAll("h1, h2, h3, h4, h5, h6, p, li, blockquote, pre"))
        {
            if (block.QuerySelector("p, li, blockquote") is not null)
            {
                continue;
            }

            string? line = Clean(block.TextContent);
            if (line is not null)
            {
                builder.Append(builder.Length == 0 ? "" : "\n\n").Append(line);
            }
        }

        return builder.Length > 0 ? builder.ToString() : Clean(root.TextContent) ?? "";
    }

    private static PublicationDate? Published(IDocument page)
    {
        string? value = Meta(page, "article:published_time", "og:article:published_time", "datePublished", "date", "pubdate", "publishdate", "dc.date", "dcterms.created")
            ?? page.QuerySelector("[itemprop=datePublished]")?.GetAttribute("content")
            ?? page.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        return PublicationDate.TryParse(value, out PublicationDate date) ? date : null;
    }

    private static string? Meta(IDocument page, params string[] names)
    {
        foreach (string name in names)
        {
            foreach (IElement meta in page.QuerySelectorAll("meta"))
            {
                string? key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && Clean(meta.GetAttribute("content")) is string content)
                {
                    return content;
                }
            }
        }

        return null;
    }

    /// <summary>Whitespace runs folded to one space, trimmed; null when nothing is left.</summary>
    private static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
