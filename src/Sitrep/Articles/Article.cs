using System.Collections.Immutable;

namespace Sitrep.Articles;

/// <summary>
/// One article as read from its source: plain text (HTML already reduced to its main content) and the
/// metadata the caller or the page gave. Everything downstream indexes into a normalised copy of
/// <see cref="Text"/> whose offset map leads back here.
/// </summary>
public sealed record Article
{
    public required string Text { get; init; }

    /// <summary>The caller's identifier; when absent the pipeline derives one from the normalised text.</summary>
    public string? Id { get; init; }

    public string? Title { get; init; }

    public string? Url { get; init; }

    public string? Source { get; init; }

    public PublicationDate? Published { get; init; }

    /// <summary>A declared language (ISO 639-1): used unless the detector is confident of another one.</summary>
    public string? Language { get; init; }

    /// <summary>What had to be guessed while reading the input, e.g. "not UTF-8: decoded as Windows-1252".</summary>
    public ImmutableArray<string> Warnings { get; init; } = [];
}
