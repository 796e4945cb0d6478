using Sitrep.Articles.Html;

namespace Sitrep.Articles;

/// <summary>
/// Reads articles from bytes in any supported format: a text file, an HTML page, or a JSON Lines batch.
/// Never throws for bad content: each unreadable article is a failed <see cref="ArticleReadResult"/> whose
/// error says, in one line, what is wrong and what to do about it.
/// </summary>
public static class ArticleReader
{
    public static IEnumerable<ArticleReadResult> Read(byte[] bytes, string origin, ArticleFormat format = ArticleFormat.Auto, string? fileName = null)
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
            ArticleFormat.Html => [ReadOne(origin, () => HtmlArticleReader.Read(decoded.Text), decoded.Warning)],
            _ => [ReadOne(origin, () => PlainText(decoded.Text), decoded.Warning)],
        };
    }

    /// <summary>The format of a file: by extension first (.html/.htm, .jsonl/.ndjson), then by a look at the content.</summary>
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
