using Sitrep.Documents;
using Sitrep.Mentions.Dates;
using Sitrep.Segmentation;

namespace Sitrep.Pipeline;

public static class ExtractionPipelineExtensions
{
    /// <summary>Every stage Sitrep has, in data-flow order.</summary>
    public static ExtractionPipelineBuilder UseDefaults(this ExtractionPipelineBuilder builder) =>
        builder.UseLanguageIdentification().UseSegmentation().UseTimes();

    /// <summary>Sets <see cref="Document.Language"/>; with no identifier given, the trained character n-gram model.</summary>
    public static ExtractionPipelineBuilder UseLanguageIdentification(this ExtractionPipelineBuilder builder, ILanguageIdentifier? identifier = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Stages.Add(new LanguageIdentificationStage(identifier ?? NgramLanguageIdentifier.Default));
        return builder;
    }

    /// <summary>Sets <see cref="Document.Sentences"/> and <see cref="Document.Tokens"/> with the rules of the document's language.</summary>
    public static ExtractionPipelineBuilder UseSegmentation(this ExtractionPipelineBuilder builder, Func<string, ISegmenter>? segmenterFor = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Stages.Add(new SegmentationStage(segmenterFor ?? Segmenters.For));
        return builder;
    }

    /// <summary>Sets <see cref="Document.Times"/> (TIMEX3 dates, times, durations, sets) with the rules of the document's language.</summary>
    public static ExtractionPipelineBuilder UseTimes(this ExtractionPipelineBuilder builder, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Stages.Add(new TimeRecognitionStage(TimeTagger.For, clock ?? TimeProvider.System));
        return builder;
    }
}
