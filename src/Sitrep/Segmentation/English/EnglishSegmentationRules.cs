namespace Sitrep.Segmentation.English;

/// <summary>
/// English segmentation as UD English (EWT, GUM) does it: clitics split («do» «n't», «it» «'s»,
/// «can» «not»), hyphenated words split at the hyphen except after prefixes («well» «-» «known» but
/// «e-mail»), numbers with commas («3,000.5»). Word lists: <c>Resources/en/</c>.
/// </summary>
public static class EnglishSegmentationRules
{
    public static SegmentationRules Create() => SegmentationRules.Load(
        "en",
        new SegmentationOptions { SplitHyphenatedWords = true, SplitNumberRanges = true },
        ["und", "en"]);
}
