using Sitrep.Documents;

namespace Sitrep.Pipeline;

/// <summary>
/// One step of extraction: reads the layers earlier stages set and returns a copy of the document with
/// its own layer added. Stages are immutable and thread-safe; one instance serves every article.
/// </summary>
public interface IDocumentStage
{
    string Name { get; }

    Document Process(Document document, CancellationToken cancellationToken);
}
