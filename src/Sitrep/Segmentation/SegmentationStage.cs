using Sitrep.Documents;
using Sitrep.Pipeline;

namespace Sitrep.Segmentation;

/// <summary>Splits the document into sentences and tokens with the segmenter of its language.</summary>
public sealed class SegmentationStage(Func<string, ISegmenter> segmenterFor) : IDocumentStage
{
    public string Name => "segmentation";

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        SegmentedText segmented = segmenterFor(document.Language).Segment(document.Text);
        return document with { Tokens = segmented.Tokens, Sentences = segmented.Sentences };
    }
}
