using Sitrep.Documents;

namespace Sitrep.Segmentation;

public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Symbol,
    Url,
    Email,
}

/// <summary>A token: a span of the document text and what kind of thing it is.</summary>
public readonly record struct Token(TextSpan Span, TokenKind Kind);

/// <summary>A sentence: its span and the range of <see cref="Document.Tokens"/> it holds.</summary>
public readonly record struct Sentence(TextSpan Span, int FirstToken, int TokenCount);
