using Sitrep.Articles;
using Sitrep.Pipeline;
using Sitrep.Serialization;

namespace Sitrep.Storage;

/// <summary>
/// Extracts each article read and stores its document: the one loop behind <c>sitrep ingest</c> and any
/// other host. A bad article (unreadable, too long, an extraction error) becomes a failed result and the
/// batch goes on; a store error (disk full, database locked too long) is thrown, since later articles would fail too.
/// </summary>
public sealed class ArticleIngestor(ExtractionPipeline pipeline, IDocumentStore store)
{
    public async Task<IngestResult> IngestAsync(ArticleReadResult read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Article is not Article article)
        {
            return IngestResult.Failure(read.Id, read.Error ?? "the article could not be read", read.Origin);
        }

        StoredDocument document;
        try
        {
            document = StoredDocument.FromModel(SitrepJson.ToModel(pipeline.Extract(article, cancellationToken)));
        }
        catch (ArticleReadException e)
        {
            return IngestResult.Failure(read.Id, e.Message, read.Origin);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            return IngestResult.Failure(read.Id, $"internal error ({e.GetType().Name}): {e.Message}", read.Origin);
        }

        IngestResult stored = await store.PutAsync(document, cancellationToken).ConfigureAwait(false);
        return stored with { Origin = read.Origin };
    }
}
