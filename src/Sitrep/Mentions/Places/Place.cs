using System.Collections.Immutable;
using Sitrep.Documents;

namespace Sitrep.Mentions.Places;

/// <summary>What the words before a place name say about it («la région de», «near», «la ville de»).</summary>
public enum PlaceCue : byte
{
    None,

    /// <summary>«dans la région de X», «the province of X»: a division or a named region.</summary>
    Region,

    /// <summary>«la ville portuaire de X», «the town of X»: a populated place.</summary>
    City,

    /// <summary>«près de X», «near X», «à X», «X-based»: a location, kind unsaid.</summary>
    Location,
}

/// <summary>Where a place mention came from.</summary>
public enum PlaceSource : byte
{
    /// <summary>A LOC entity of the named-entity tagger.</summary>
    Entity,

    /// <summary>A capitalised name found in the gazetteer, outside any entity.</summary>
    Gazetteer,

    /// <summary>Given by the caller (evaluation on gold spans).</summary>
    Given,
}

/// <summary>A span of the text that names a place, the index of its sentence, and the cue before it.</summary>
public readonly record struct PlaceMention(TextSpan Span, int Sentence, PlaceCue Cue, PlaceSource Source);

/// <summary>
/// One place of an article: its mentions (all resolved to the same gazetteer entry, or sharing one name when
/// unresolved), the entry it resolved to (null when the gazetteer has no fitting candidate) and the name shown.
/// </summary>
public sealed record Place
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public GazetteerPlace? Entry { get; init; }

    /// <summary>The name of the entry's first-order division («Kharkiv»), or null.</summary>
    public string? Admin1 { get; init; }

    public ImmutableArray<PlaceMention> Mentions { get; init; } = [];

    /// <summary>The contract's precision: a facility without coordinates of its own takes its town's and is <c>city</c>.</summary>
    public PlacePrecision? Precision => Entry?.Precision;
}
