using System.Collections.Immutable;

namespace Sitrep.Segmentation;

/// <summary>Tokens and sentences of one text; every span indexes that text.</summary>
public readonly record struct SegmentedText(ImmutableArray<Token> Tokens, ImmutableArray<Sentence> Sentences);

/// <summary>Splits a normalised text into sentences and tokens. Implementations are thread-safe.</summary>
public interface ISegmenter
{
    SegmentedText Segment(string text);
}
