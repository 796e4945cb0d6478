using Sitrep.Documents;

namespace Sitrep.Mentions.Quotes;

/// <summary>How a statement is reported: in quote marks, as reported speech, or reported speech with a quoted fragment.</summary>
public enum QuoteKind : byte
{
    Direct,
    Indirect,
    Mixed,
}

/// <summary>
/// Who said what: the content span, the cue that attributes it («a déclaré», «selon», «said») with its lemma,
/// and the speaker's span with the id of its entity (a pronoun's speaker is the entity it refers to). Cue and
/// speaker are null when the text gives none; a wrong speaker is worse than a missing one.
/// </summary>
public sealed record Quote
{
    public required QuoteKind Kind { get; init; }

    public required TextSpan Content { get; init; }

    public TextSpan? Cue { get; init; }

    public string? CueLemma { get; init; }

    public TextSpan? Speaker { get; init; }

    /// <summary>The id of the speaker's entity (<see cref="Document.Entities"/>), or null.</summary>
    public string? SpeakerEntity { get; init; }

    /// <summary>Index of the sentence the content starts in.</summary>
    public int Sentence { get; init; }
}
