using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Sitrep.Tagging.PartOfSpeech;

/// <summary>The 17 Universal Dependencies part-of-speech tags, with a fixed numbering other models can store.</summary>
public static class UniversalTags
{
    public static readonly ImmutableArray<string> All =
        ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"];

    private static readonly FrozenDictionary<string, int> Numbers =
        All.Select((tag, i) => (tag, i)).ToFrozenDictionary(p => p.tag, p => p.i + 1, StringComparer.Ordinal);

    /// <summary>1..17 for a UPOS tag, 0 for anything else (no tag).</summary>
    public static int Number(string? tag) => tag is not null && Numbers.TryGetValue(tag, out int n) ? n : 0;
}
