namespace Sitrep.Storage;

/// <summary>
/// Where sitrep/1 documents are kept and asked across: one interface, one backend per database
/// (<c>Sitrep.Storage.Sqlite</c>, later <c>Sitrep.Storage.Postgres</c>), one behaviour suite for all of them.
/// A store applies its schema migrations on first use; every method is safe to call from several threads,
/// and readers never see a half-written article.
/// </summary>
public interface IDocumentStore : IAsyncDisposable
{
    /// <summary>What to show the user: a file path, or a connection URI without its password.</summary>
    string Location { get; }

    /// <summary>Brings the schema to the newest version this build knows; a no-op when it is already there.</summary>
    Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores one document atomically. Same article id and same content hash: <see cref="IngestStatus.Duplicate"/>,
    /// nothing is written. Same id, other content: <see cref="IngestStatus.Updated"/>, the predecessor and all its
    /// rows are replaced in the same transaction. Otherwise <see cref="IngestStatus.New"/>. A stored article whose text
    /// is a near-duplicate of an earlier article's (<see cref="Duplicates.NearDuplicateDetector.Default"/>) is linked to
    /// the most similar one, named in <see cref="IngestResult.NearDuplicateOf"/>; it is stored all the same. An updated
    /// article that others are linked to stays their original and gets no link itself, so links never form a cycle.
    /// </summary>
    Task<IngestResult> PutAsync(StoredDocument document, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores several documents in one transaction, each under its own savepoint: the same result per document as
    /// <see cref="PutAsync"/>, a document that violates the schema fails alone, and the batch commits as a whole
    /// (an interrupted batch stores none of its documents, never part of one). Faster for bulk loads.
    /// </summary>
    Task<IReadOnlyList<IngestResult>> PutManyAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken = default);

    /// <summary>The sitrep/1 JSON exactly as it was stored, or null when no article has this id.</summary>
    Task<string?> GetJsonAsync(string articleId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ArticleSummary>> FindArticlesAsync(ArticleQuery query, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<EventRecord>> FindEventsAsync(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>Entity names across articles (name, type and country together), most articles first, then by name.</summary>
    Task<IReadOnlyList<EntitySummary>> FindEntitiesAsync(NameQuery query, CancellationToken cancellationToken = default);

    /// <summary>Places across articles (name, country and gazetteer id together), most articles first, then by name.</summary>
    Task<IReadOnlyList<PlaceSummary>> FindPlacesAsync(NameQuery query, CancellationToken cancellationToken = default);

    Task<StoreSummary> GetSummaryAsync(CancellationToken cancellationToken = default);

    /// <summary>Asks the database to check itself: "ok", or one line per problem found.</summary>
    Task<string> CheckIntegrityAsync(CancellationToken cancellationToken = default);
}
