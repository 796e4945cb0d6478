using Sitrep.Articles.Feeds;
using Sitrep.Articles.Html;

namespace Sitrep.Articles;

/// <summary>
/// Reads articles from bytes in any supported format: a text file, an HTML page, a JSON Lines batch, or a feed.
/// Never throws for bad content: each unreadable article is a failed <see cref="ArticleReadResult"/> whose
/// error says, in one line, what is wrong and what to do about it.
/// </summary>
public static class ArticleReader
{
    /// <summary>
    /// The articles in <paramref name="bytes"/>; <paramref name="location"/> is the address a fetched document came from,
    /// against which a feed's relative links are resolved.
    /// </summary>
    public static IEnumerable<ArticleReadResult> Read(byte[] bytes, string origin, ArticleFormat format = ArticleFormat.Auto, string? fileName = null, Uri? location = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            return [ArticleReadResult.Failure(origin, "the file is empty (0 bytes)")];
        }

        DecodedText decoded;
        ArticleFormat resolved;
        try
        {
            decoded = TextDecoder.Decode(bytes);
            resolved = format == ArticleFormat.Auto ? Detect(fileName, decoded.Text) : format;

            // A page's own declaration decides how to read bytes that are not UTF-8 (and is checked against UTF-8 ones).
            if (resolved == ArticleFormat.Html && HtmlCharset.Declared(bytes) is string declared)
            {
                decoded = TextDecoder.Decode(bytes, declared);
            }
            else if (resolved is ArticleFormat.Feed or ArticleFormat.Opml && FeedXml.DeclaredEncoding(bytes) is string encoding)
            {
                decoded = TextDecoder.Decode(bytes, encoding);
            }
        }
        catch (ArticleReadException e)
        {
            return [ArticleReadResult.Failure(origin, e.Message)];
        }

        if (string.IsNullOrWhiteSpace(decoded.Text))
        {
            return [ArticleReadResult.Failure(origin, $"the file holds only white space ({bytes.Length:N0} bytes)")];
        }

        return resolved switch
        {
            ArticleFormat.JsonLines => ReadBatch(decoded, origin),
            ArticleFormat.Feed => WithWarning(FeedReader.Read(decoded.Text, origin, location), decoded.Warning),
            ArticleFormat.Opml => [ArticleReadResult.Failure(origin, "an OPML list of feeds, not articles: give it to sitrep ingest, which reads the feeds it lists")],
            ArticleFormat.Html => [ReadOne(origin, () => HtmlArticleReader.Read(decoded.Text), decoded.Warning)],
            _ => [ReadOne(origin, () => PlainText(decoded.Text), decoded.Warning)],
        };
    }

    /// <summary>
    /// The format of a file: by extension first (.html/.htm, .jsonl/.ndjson, .rss/.atom/.rdf, .opml), then by a look at
    /// the content (a feed or an OPML list by its XML root element: rss, rdf:RDF, feed, opml).
    /// </summary>
    public static ArticleFormat Detect(string? fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        switch (extension)
        {
            case ".html" or ".htm" or ".xhtml" or ".shtml":
                return ArticleFormat.Html;
            case ".jsonl" or ".ndjson":
                return ArticleFormat.JsonLines;
            case ".txt" or ".text":
                return ArticleFormat.Text;
            case ".rss" or ".atom" or ".rdf":
                return ArticleFormat.Feed;
            case ".opml":
                return ArticleFormat.Opml;
        }

        switch (FeedXml.RootKind(text.Length > 65_536 ? text[..65_536] : text))
        {
            case FeedKind.Rss or FeedKind.Rdf or FeedKind.Atom:
                return ArticleFormat.Feed;
            case FeedKind.Opml:
                return ArticleFormat.Opml;
        }

        ReadOnlySpan<char> head = text.AsSpan(0, Math.Min(text.Length, 2048)).TrimStart().TrimStart('\uFEFF').TrimStart();
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && head.Contains("<html", StringComparison.OrdinalIgnoreCase))
            || (head.StartsWith("<!--", StringComparison.Ordinal) && head.Contains("<html", StringComparison.OrdinalIgnoreCase))
            || (head.StartsWith('<') && (head.Contains("<body", StringComparison.OrdinalIgnoreCase) || head.Contains("<p", StringComparison.OrdinalIgnoreCase)
                || head.Contains("<div", StringComparison.OrdinalIgnoreCase) || head.Contains("<head", StringComparison.OrdinalIgnoreCase))))
        {
            return ArticleFormat.Html;
        }

        return head.StartsWith('{') && (head.Contains("\"text\"", StringComparison.Ordinal) || head.Contains("\"html\"", StringComparison.Ordinal))
            ? ArticleFormat.JsonLines
            : ArticleFormat.Text;
    }

    private static IEnumerable<ArticleReadResult> ReadBatch(DecodedText decoded, string origin)
    {
        bool any = false;
        foreach (ArticleReadResult result in JsonLinesArticleReader.Read(decoded.Text, origin))
        {
            any = true;
            yield return decoded.Warning is not null && result.Article is Article article
                ? result with { Article = article with { Warnings = article.Warnings.Add(decoded.Warning) } }
                : result;
        }

        if (!any)
        {
            yield return ArticleReadResult.Failure(origin, "the JSON Lines batch has no line with content");
        }
    }

    private static IEnumerable<ArticleReadResult> WithWarning(IEnumerable<ArticleReadResult> results, string? warning) =>
        warning is null ? results : results.Select(r => r.Article is Article article ? r with { Article = article with { Warnings = article.Warnings.Insert(0, warning) } } : r);

    private static Article PlainText(string text) =>
        string.IsNullOrWhiteSpace(text) ? throw new ArticleReadException("the article is empty") : new Article { Text = text };

    private static ArticleReadResult ReadOne(string origin, Func<Article> read, string? warning)
    {
        try
        {
            Article article = read();
            return ArticleReadResult.Success(origin, warning is null ? article : article with { Warnings = article.Warnings.Insert(0, warning) });
        }
        catch (ArticleReadException e)
        {
            return ArticleReadResult.Failure(origin, e.Message);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // A reader bug must not stop a batch; the message names it so that it can be reported.
            return ArticleReadResult.Failure(origin, $"internal error while reading ({e.GetType().Name}): {e.Message}");
        }
    }
}
