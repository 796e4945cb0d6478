namespace Sitrep.Articles;

/// <summary>
/// Reads articles from bytes in any supported format: a text file, an HTML page, or a JSON Lines batch.
/// Never throws for bad content: each unreadable article is a failed <see cref="ArticleReadResult"/>.
/// </summary>
public static class ArticleReader
{
    public static IEnumerable<ArticleReadResult> Read(byte[] bytes, string origin, ArticleFormat format = ArticleFormat.Auto, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        DecodedText decoded;
        try
        {
            decoded = TextDecoder.Decode(bytes);
        }
        catch (ArticleReadException e)
        {
            return [ArticleReadResult.Failure(origin, e.Message)];
        }

        ArticleFormat resolved = format == ArticleFormat.Auto ? Detect(fileName, decoded.Text) : format;
        return resolved switch
        {
            ArticleFormat.JsonLines => JsonLinesArticleReader.Read(decoded.Text, origin),
            ArticleFormat.Html => [ReadOne(origin, () => HtmlArticleReader.Read(decoded.Text), decoded.Warning)],
            _ => [ReadOne(origin, () => PlainText(decoded.Text), decoded.Warning)],
        };
    }

    /// <summary>The format of a file: by extension first (.html/.htm, .jsonl/.ndjson), then by a look at the content.</summary>
    public static ArticleFormat Detect(string? fileName, string text)
    {
        string extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        switch (extension)
        {
            case ".html" or ".htm" or ".xhtml":
                return ArticleFormat.Html;
            case ".jsonl" or ".ndjson":
                return ArticleFormat.JsonLines;
            case ".txt" or ".text":
                return ArticleFormat.Text;
        }

        ReadOnlySpan<char> head = text.AsSpan(0, Math.Min(text.Length, 2048)).TrimStart();
        if (head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith('<') && (head.Contains("<body", StringComparison.OrdinalIgnoreCase) || head.Contains("<p", StringComparison.OrdinalIgnoreCase))))
        {
            return ArticleFormat.Html;
        }

        return head.StartsWith('{') && head.Contains("\"text\"", StringComparison.Ordinal) || head.Contains("\"html\"", StringComparison.Ordinal) && head.StartsWith('{')
            ? ArticleFormat.JsonLines
            : ArticleFormat.Text;
    }

    private static Article PlainText(string text) =>
        string.IsNullOrWhiteSpace(text) ? throw new ArticleReadException("the article is empty") : new Article { Text = text };

    private static ArticleReadResult ReadOne(string origin, Func<Article> read, string? warning)
    {
        try
        {
            Article article = read();
            return ArticleReadResult.Success(origin, warning is null ? article : article with { Warnings = article.Warnings.Add(warning) });
        }
        catch (ArticleReadException e)
        {
            return ArticleReadResult.Failure(origin, e.Message);
        }
    }
}
