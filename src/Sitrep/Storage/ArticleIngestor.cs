using Sitrep.Articles;
using Sitrep.Pipeline;
using Sitrep.Serialization;

namespace Sitrep.Storage;

/// <summary>
/// Extracts each article read and stores its document: the one loop behind <c>sitrep ingest</c> and any
/// other host. A bad article (unreadable, too long, an extraction error) becomes a failed result and the
/// batch goes on; a store error (disk full, database locked too long) is thrown, since later articles would fail too.
/// The two halves can run apart: <see cref="Extract"/> is thread-safe and runs on any core, <see cref="StoreAsync"/>
/// takes the results in the order the articles were read.
/// </summary>
public sealed class ArticleIngestor
{
    private readonly Lazy<ExtractionPipeline> _pipeline;
    private readonly IDocumentStore _store;

    public ArticleIngestor(ExtractionPipeline pipeline, IDocumentStore store)
        : this(() => pipeline, store)
    {
    }

    /// <summary>The pipeline is made when the first article is extracted: storing given sitrep/1 documents loads no model.</summary>
    public ArticleIngestor(Func<ExtractionPipeline> pipeline, IDocumentStore store)
    {
        _pipeline = new Lazy<ExtractionPipeline>(pipeline);
        _store = store;
    }

    public async Task<IngestResult> IngestAsync(ArticleReadResult read, CancellationToken cancellationToken = default) =>
        await StoreAsync(Extract(read, cancellationToken), cancellationToken).ConfigureAwait(false);

    /// <summary>The article's document, ready to store, or why there is none.</summary>
    public ExtractedArticle Extract(ArticleReadResult read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Article is not Article article)
        {
            return new ExtractedArticle(IngestResult.Failure(read.Id, read.Error ?? "the article could not be read", read.Origin));
        }

        try
        {
            return new ExtractedArticle(StoredDocument.FromModel(SitrepJson.ToModel(_pipeline.Value.Extract(article, cancellationToken))), read.Origin);
        }
        catch (ArticleReadException e)
        {
            return new ExtractedArticle(IngestResult.Failure(read.Id, e.Message, read.Origin));
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            return new ExtractedArticle(IngestResult.Failure(read.Id, $"internal error ({e.GetType().Name}): {e.Message}", read.Origin));
        }
    }

    /// <summary>Stores the document, or returns the failure.</summary>
    public async Task<IngestResult> StoreAsync(ExtractedArticle extracted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(extracted);
        return (await StoreManyAsync([extracted], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>
    /// Stores the documents in one transaction (<see cref="IDocumentStore.PutManyAsync"/>: each stored whole or failed
    /// alone, committed together) and returns a result per item in order, failures as they were.
    /// </summary>
    public async Task<IReadOnlyList<IngestResult>> StoreManyAsync(IReadOnlyList<ExtractedArticle> extracted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(extracted);
        StoredDocument[] documents = [.. extracted.Select(e => e.Document).OfType<StoredDocument>()];
        IReadOnlyList<IngestResult> stored = documents.Length == 0 ? [] : await _store.PutManyAsync(documents, cancellationToken).ConfigureAwait(false);
        var results = new IngestResult[extracted.Count];
        int next = 0;
        for (int i = 0; i < extracted.Count; i++)
        {
            results[i] = extracted[i].Document is null ? extracted[i].Failure! : stored[next++] with { Origin = extracted[i].Origin };
        }

        return results;
    }
}

/// <summary>An article's document ready to store (with where it came from), or the failure that stands for it.</summary>
public sealed record ExtractedArticle
{
    public ExtractedArticle(StoredDocument document, string? origin)
    {
        Document = document;
        Origin = origin;
    }

    public ExtractedArticle(IngestResult failure)
    {
        Failure = failure;
        Origin = failure.Origin;
    }

    public StoredDocument? Document { get; }

    public IngestResult? Failure { get; }

    public string? Origin { get; }
}
