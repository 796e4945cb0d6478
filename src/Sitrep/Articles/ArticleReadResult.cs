namespace Sitrep.Articles;

/// <summary>
/// One article read from an input, or why it could not be: a batch goes on past a bad line.
/// <see cref="Origin"/> names where it came from (a path, "stdin", "batch.jsonl:12").
/// </summary>
public sealed record ArticleReadResult(string Origin, Article? Article, string? Error, string? Id = null, int? Line = null)
{
    public static ArticleReadResult Success(string origin, Article article, int? line = null) => new(origin, article, null, article.Id, line);

    public static ArticleReadResult Failure(string origin, string error, string? id = null, int? line = null) => new(origin, null, error, id, line);
}
