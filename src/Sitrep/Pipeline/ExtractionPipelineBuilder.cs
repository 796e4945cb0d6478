using Sitrep.Documents;

namespace Sitrep.Pipeline;

/// <summary>
/// Mutable recipe for an <see cref="ExtractionPipeline"/>: which normaliser, which stages, in which order.
/// Stages are added with the <c>Use*</c> extension methods in <see cref="ExtractionPipelineExtensions"/>.
/// </summary>
public sealed class ExtractionPipelineBuilder
{
    /// <summary>32 Mi UTF-16 code units (64 MB in memory): far above any news article, low enough to fail fast on a dump.</summary>
    public const int DefaultMaxTextLength = 32 * 1024 * 1024;

    public TextNormalizer Normalizer { get; set; } = TextNormalizer.Default;

    public int MaxTextLength { get; set; } = DefaultMaxTextLength;

    public IList<IDocumentStage> Stages { get; } = [];

    public ExtractionPipeline Build() => new(Normalizer, [.. Stages], MaxTextLength);
}
