using System.Collections.Frozen;
using System.Collections.Immutable;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Sitrep.Articles.Html;

namespace Sitrep.Articles;

/// <summary>
/// Reads a news page: its story as plain text (paragraphs separated by a blank line, see
/// <see cref="HtmlContentExtractor"/>) and its title, publication date, canonical URL, site name and language
/// (see <see cref="HtmlMetadataReader"/>). Deterministic: the same page always gives the same article.
/// Throws <see cref="ArticleReadException"/>, with a reason an analyst can act on, for a page with no story text.
/// </summary>
public static class HtmlArticleReader
{
    /// <summary>
    /// Deepest element nesting read. Real pages nest tens of levels; past some thousands the HTML parser's time
    /// grows with the square of the depth, so a hostile or broken page is refused instead of hanging the batch.
    /// </summary>
    public const int MaxNestingDepth = 20_000;

    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false };

    /// <summary>Elements that close themselves or are closed implicitly, which a depth count must not add up.</summary>
    private static readonly FrozenSet<string> NotNesting = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
    [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "tbody", "thead", "tfoot", "colgroup",
        "html", "head", "body", "!doctype",
    ]);

    public static Article Read(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (string.IsNullOrWhiteSpace(html))
        {
            throw new ArticleReadException("the HTML page is empty");
        }

        RefuseDeepNesting(html);

        // A parser per call: AngleSharp does not promise that one parser may serve several threads at once.
        using IDocument page = new HtmlParser(ParserOptions).ParseDocument(html);
        IElement body = page.Body ?? page.DocumentElement;
        HtmlMetadata metadata = HtmlMetadataReader.Read(page);
        HtmlContent content = HtmlContentExtractor.Extract(body, metadata.Title ?? FirstHeading(body, []));
        if (content.Text.Length == 0)
        {
            throw new ArticleReadException(WhyNoText(body));
        }

        ImmutableArray<string> warnings = [.. metadata.Warnings];
        if (content.Relaxed)
        {
            warnings = warnings.Add("the story was found only with relaxed boilerplate filters: the text may include page furniture");
        }

        return new Article
        {
            Text = content.Text,
            Title = metadata.Title ?? FirstHeading(body, content.Containers),
            Url = metadata.Url,
            Source = metadata.Source,
            Language = metadata.Language,
            Published = metadata.Published ?? HtmlMetadataReader.TimeNear(body, content.Containers),
            Warnings = warnings,
        };
    }

    /// <summary>
    /// The text of an HTML fragment, such as a feed item's description or <c>content:encoded</c>, read the way a page's
    /// story is (<see cref="HtmlContentExtractor"/>: share bars, "Lire aussi" lists and captions go); a fragment in
    /// which that finds no story, e.g. a one-line summary, gives all its text. Empty when the fragment has no text.
    /// </summary>
    internal static string FragmentText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        RefuseDeepNesting(html);

        using IDocument page = new HtmlParser(ParserOptions).ParseDocument(html);
        IElement body = page.Body ?? page.DocumentElement;
        HtmlContent content = HtmlContentExtractor.Extract(body, null);
        if (content.Text.Length > 0)
        {
            return content.Text;
        }

        List<HtmlBlock> blocks = HtmlBlockBuilder.Build(body, e => e.LocalName is "script" or "style" or "noscript" or "template" or "head");
        return string.Join("\n\n", blocks.Select(b => b.Text));
    }

    private static void RefuseDeepNesting(string html)
    {
        int depth = EstimateNestingDepth(html);
        if (depth > MaxNestingDepth)
        {
            throw new ArticleReadException($"the HTML nests elements about {depth:N0} levels deep (the limit is {MaxNestingDepth:N0}): a generated or damaged page, not read");
        }
    }

    /// <summary>The first &lt;h1&gt; in the story, else in the page.</summary>
    private static string? FirstHeading(IElement body, IReadOnlyList<IElement> containers)
    {
        foreach (IElement container in containers)
        {
            if ((container.LocalName == "h1" ? container : container.QuerySelector("h1")) is IElement h1 && HtmlText.Clean(h1.TextContent) is string text)
            {
                return text;
            }
        }

        return HtmlText.Clean(body.QuerySelector("h1")?.TextContent);
    }

    /// <summary>Why a page gave no story text, in terms of what to do about it.</summary>
    private static string WhyNoText(IElement body)
    {
        List<HtmlBlock> blocks = HtmlBlockBuilder.Build(body, e => e.LocalName is "script" or "style" or "noscript" or "template" or "head");
        int characters = blocks.Sum(b => b.Text.Length);
        if (characters == 0)
        {
            if (body.QuerySelector("script") is not null || body.QuerySelector("#root, #app, #__next, #___gatsby, [data-reactroot], [ng-app]") is not null
                || body.Owner?.QuerySelector("head script[src]") is not null)
            {
                return "the page has no text in its HTML: it is built by JavaScript in the browser; save the page after it has rendered (e.g. with a headless browser)";
            }

            if (body.Owner?.QuerySelector("iframe, frame") is not null)
            {
                return "the page has no text of its own, only frames (<iframe>/<frame>): read the framed page instead";
            }

            return "the HTML page has no text in its body";
        }

        return $"no story text found: the page's {characters:N0} characters of text are all navigation, links, forms or other page furniture (an index or section page?)";
    }

    /// <summary>
    /// How deep the page nests elements, from a linear scan of its tags: void and implicitly closed elements do not
    /// count, and the contents of script, style, textarea, title and comments are skipped. An estimate for the guard
    /// above, not a parser: it only has to be right about pages thousands of levels deep.
    /// </summary>
    internal static int EstimateNestingDepth(string html)
    {
        int depth = 0, max = 0, i = 0;
        ReadOnlySpan<char> s = html;
        while (true)
        {
            int lt = s[i..].IndexOf('<');
            if (lt < 0)
            {
                return max;
            }

            i += lt + 1;
            if (i >= s.Length)
            {
                return max;
            }

            if (s[i..].StartsWith("!--", StringComparison.Ordinal))
            {
                int end = s[i..].IndexOf("-->", StringComparison.Ordinal);
                if (end < 0)
                {
                    return max;
                }

                i += end + 3;
                continue;
            }

            bool closing = s[i] == '/';
            int nameStart = closing ? i + 1 : i;
            int nameEnd = nameStart;
            while (nameEnd < s.Length && (char.IsAsciiLetterOrDigit(s[nameEnd]) || s[nameEnd] is '-' or '!' or ':'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart)
            {
                continue;
            }

            string name = s[nameStart..nameEnd].ToString();
            int tagEnd = s[nameEnd..].IndexOf('>');
            if (tagEnd < 0)
            {
                return max;
            }

            bool selfClosing = tagEnd > 0 && s[nameEnd + tagEnd - 1] == '/';
            i = nameEnd + tagEnd + 1;
            if (!closing && name.ToLowerInvariant() is "script" or "style" or "textarea" or "title" or "xmp")
            {
                int end = s[i..].IndexOf("</" + name, StringComparison.OrdinalIgnoreCase);
                if (end < 0)
                {
                    return max;
                }

                i += end;
                continue;
            }

            if (NotNesting.Contains(name) || selfClosing)
            {
                continue;
            }

            depth = closing ? Math.Max(0, depth - 1) : depth + 1;
            max = Math.Max(max, depth);
        }
    }
}
