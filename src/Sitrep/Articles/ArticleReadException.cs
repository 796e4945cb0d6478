namespace Sitrep.Articles;

/// <summary>An input that cannot become an article; the message is one line an analyst can act on.</summary>
public sealed class ArticleReadException : Exception
{
    public ArticleReadException(string message)
        : base(message)
    {
    }

    public ArticleReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ArticleReadException()
    {
    }
}
