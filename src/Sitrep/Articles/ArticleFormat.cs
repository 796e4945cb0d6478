namespace Sitrep.Articles;

public enum ArticleFormat
{
    /// <summary>Decide from the file name, then from the content.</summary>
    Auto,
    Text,
    Html,
    JsonLines,

    /// <summary>An RSS 2.0, RSS 1.0 (RDF) or Atom feed: each item is an article.</summary>
    Feed,

    /// <summary>An OPML list of feeds: no articles of its own, the feeds it names are read instead.</summary>
    Opml,
}
