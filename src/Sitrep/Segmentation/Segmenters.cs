using Sitrep.Documents;
using Sitrep.Segmentation.English;
using Sitrep.Segmentation.French;

namespace Sitrep.Segmentation;

/// <summary>The segmenter for each language: French and English rules, generic rules for any other code.</summary>
public static class Segmenters
{
    private static readonly Lazy<RuleSegmenter> FrenchSegmenter = new(() => new RuleSegmenter(FrenchSegmentationRules.Create()));
    private static readonly Lazy<RuleSegmenter> EnglishSegmenter = new(() => new RuleSegmenter(EnglishSegmentationRules.Create()));
    private static readonly Lazy<RuleSegmenter> GenericSegmenter = new(() => new RuleSegmenter(SegmentationRules.Generic));

    /// <summary>The shared, thread-safe segmenter for an ISO 639-1 code ("fr", "en-GB"); "und" and others get the generic rules.</summary>
    public static ISegmenter For(string language) => LanguageCodes.Normalize(language) switch
    {
        "fr" => FrenchSegmenter.Value,
        "en" => EnglishSegmenter.Value,
        _ => GenericSegmenter.Value,
    };
}
