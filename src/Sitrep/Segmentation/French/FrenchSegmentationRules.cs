namespace Sitrep.Segmentation.French;

/// <summary>
/// French segmentation as UD French (Sequoia, GSD) does it: elided words split after their apostrophe
/// («l'», «qu'»), clitic pronouns split with their hyphen («dit» «-il», «a» «-t-il»), compounds kept whole
/// («arrière-grand-mère»), numbers grouped by spaces («10 000»). Word lists: <c>Resources/fr/</c>.
/// </summary>
public static class FrenchSegmentationRules
{
    public static SegmentationRules Create() => SegmentationRules.Load(
        "fr",
        new SegmentationOptions { GroupDigitsWithSpaces = true, AttachSigns = true, SemicolonEndsSentence = true },
        ["und", "fr"]);
}
