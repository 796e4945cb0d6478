using System.Collections.Immutable;
using Sitrep.Documents;

namespace Sitrep.Mentions.Entities;

/// <summary>
/// A named-entity mention: a span of the text, its type (PER, ORG, LOC, MISC), the index of its sentence,
/// and its tokens (<see cref="Document.Tokens"/> from <c>FirstToken</c>, <c>TokenCount</c> of them).
/// </summary>
public readonly record struct EntityMention(TextSpan Span, string Type, int Sentence, int FirstToken, int TokenCount);

/// <summary>
/// One real-world referent of an article: its mentions clustered («Volodymyr Zelenskiy» … «Zelenskiy»),
/// a canonical name (the fullest mention), and titles seen with it («président ukrainien»).
/// </summary>
public sealed record Entity
{
    public required string Id { get; init; }

    public required string Type { get; init; }

    public required string Name { get; init; }

    public ImmutableArray<EntityMention> Mentions { get; init; } = [];

    public ImmutableArray<string> Roles { get; init; } = [];

    /// <summary>ISO 3166-1 alpha-2 code of its nationality or seat, when known.</summary>
    public string? Country { get; init; }

    /// <summary>The id of the place (<see cref="Document.Places"/>) a LOC entity resolved to, or null.</summary>
    public string? Place { get; init; }
}
