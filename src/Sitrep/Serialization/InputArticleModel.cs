namespace Sitrep.Serialization;

/// <summary>One line of a JSON Lines batch. Only <c>text</c> or <c>html</c> is required; unknown fields are ignored.</summary>
public sealed record InputArticleModel
{
    public string? Id { get; init; }

    public string? Text { get; init; }

    public string? Html { get; init; }

    public string? Published { get; init; }

    public string? Lang { get; init; }

    public string? Title { get; init; }

    public string? Url { get; init; }

    public string? Source { get; init; }
}
