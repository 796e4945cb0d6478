namespace Sitrep.Articles;

public enum ArticleFormat
{
    /// <summary>Decide from the file name, then from the content.</summary>
    Auto,
    Text,
    Html,
    JsonLines,
}
