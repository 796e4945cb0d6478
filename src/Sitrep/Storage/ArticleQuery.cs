namespace Sitrep.Storage;

/// <summary>Which articles <see cref="IDocumentStore.FindArticlesAsync"/> returns; every filter given must hold.</summary>
public sealed record ArticleQuery
{
    /// <summary>Words that must all occur in the title or text (accents and case ignored); "evacu*" matches a prefix.</summary>
    public string? Text { get; init; }

    /// <summary>Published on or after this day (articles without a publication date are left out).</summary>
    public DateOnly? Since { get; init; }

    /// <summary>Published on or before this day.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>ISO 639-1 language code.</summary>
    public string? Language { get; init; }

    public string? Source { get; init; }

    /// <summary>Leave out articles that are near-duplicates of an earlier one: each story once, as first stored.</summary>
    public bool CollapseDuplicates { get; init; }

    /// <summary>Only the articles linked as near-duplicates of this article id.</summary>
    public string? DuplicatesOf { get; init; }

    /// <summary>At most this many articles (null: all). Best text matches first, else newest first.</summary>
    public int? Limit { get; init; } = 100;

    public int Offset { get; init; }
}

/// <summary>
/// One stored article, without its text and layers (read those with <see cref="IDocumentStore.GetJsonAsync"/>);
/// <see cref="DuplicateOf"/> is the earlier article it is a near-duplicate of, with their <see cref="Similarity"/>.
/// </summary>
public sealed record ArticleSummary(
    string Id,
    string? Title,
    string? Url,
    string? Source,
    string Language,
    string? Published,
    int Sentences,
    int Entities,
    int Events,
    string ContentHash,
    string? DuplicateOf = null,
    double? Similarity = null);
