using Sitrep.Articles;
using Sitrep.Documents;

namespace Sitrep.Pipeline;

/// <summary>The common case in one line: <c>SitrepExtractor.Extract(text, published)</c> with every default stage.</summary>
public static class SitrepExtractor
{
    private static readonly Lazy<ExtractionPipeline> DefaultPipeline = new(() => new ExtractionPipelineBuilder().UseDefaults().Build());

    public static ExtractionPipeline Default => DefaultPipeline.Value;

    public static Document Extract(string text, PublicationDate? published = null, string? language = null) =>
        Default.Extract(new Article { Text = text, Published = published, Language = language });
}
