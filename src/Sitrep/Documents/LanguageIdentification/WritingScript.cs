namespace Sitrep.Documents.LanguageIdentification;

/// <summary>The writing system of a letter, as far as language identification cares.</summary>
public enum WritingScript : byte
{
    None = 0,
    Latin = 1,
    Cyrillic = 2,

    /// <summary>Any other script (Arabic, Greek, Han, Devanagari…): no profile is trained for it.</summary>
    Other = 3,
}
