namespace Sitrep.Storage;

public enum IngestStatus
{
    /// <summary>No article had this id: stored.</summary>
    New,

    /// <summary>The same article id with the same content hash is already stored: nothing written.</summary>
    Duplicate,

    /// <summary>The article id was stored with other content: the predecessor was replaced.</summary>
    Updated,

    /// <summary>Not stored; <see cref="IngestResult.Error"/> says why.</summary>
    Failed,
}

/// <summary>What happened to one article; <see cref="Origin"/> names where it came from ("batch.jsonl:12").</summary>
public sealed record IngestResult(string? ArticleId, IngestStatus Status, string? Error = null, string? Origin = null)
{
    /// <summary>
    /// The earlier article this one (stored, <see cref="IngestStatus.New"/> or <see cref="IngestStatus.Updated"/>) is a
    /// near-duplicate of: the same text republished with edits (<see cref="Duplicates.NearDuplicateDetector"/>); null when none is.
    /// </summary>
    public string? NearDuplicateOf { get; init; }

    /// <summary>The estimated Jaccard similarity to <see cref="NearDuplicateOf"/>, in [threshold, 1].</summary>
    public double? Similarity { get; init; }

    public static IngestResult Failure(string? articleId, string error, string? origin = null) => new(articleId, IngestStatus.Failed, error, origin);
}
