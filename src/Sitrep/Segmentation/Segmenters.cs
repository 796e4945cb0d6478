using System.Collections.Immutable;
using Sitrep.Documents;

namespace Sitrep.Segmentation;

/// <summary>The segmenter for each language.</summary>
public static class Segmenters
{
    private static readonly ISegmenter Generic = new WhitespaceSegmenter();

    public static ISegmenter For(string language) => Generic;

    private sealed class WhitespaceSegmenter : ISegmenter
    {
        public SegmentedText Segment(string text)
        {
            var tokens = ImmutableArray.CreateBuilder<Token>();
            var sentences = ImmutableArray.CreateBuilder<Sentence>();
            int sentenceStartToken = 0;
            int i = 0;
            while (i < text.Length)
            {
                if (char.IsWhiteSpace(text[i]))
                {
                    i++;
                    continue;
                }

                int start = i;
                if (char.IsLetterOrDigit(text[i]))
                {
                    while (i < text.Length && char.IsLetterOrDigit(text[i]))
                    {
                        i++;
                    }
                }
                else
                {
                    i++;
                }

                tokens.Add(new Token(TextSpan.FromBounds(start, i), char.IsLetterOrDigit(text[start]) ? TokenKind.Word : TokenKind.Punctuation));
                if (text[start] is '.' or '!' or '?' || i == text.Length)
                {
                    sentences.Add(new Sentence(TextSpan.FromBounds(tokens[sentenceStartToken].Span.Start, i), sentenceStartToken, tokens.Count - sentenceStartToken));
                    sentenceStartToken = tokens.Count;
                }
            }

            if (sentenceStartToken < tokens.Count)
            {
                sentences.Add(new Sentence(TextSpan.FromBounds(tokens[sentenceStartToken].Span.Start, tokens[^1].Span.End), sentenceStartToken, tokens.Count - sentenceStartToken));
            }

            return new SegmentedText(tokens.ToImmutable(), sentences.ToImmutable());
        }
    }
}
