using System.Collections.Frozen;
using Sitrep.Documents;
using Sitrep.Segmentation;
using Sitrep.Tagging.Sequence;

namespace Sitrep.Tagging.Entities;

/// <summary>
/// A set of multi-token names (place names, first names, organisation words), stored as hashes of their
/// lower-case token sequences so that matching a sentence needs no strings: every name of up to
/// <see cref="MaxTokens"/> tokens is found by hashing the token hashes <see cref="TokenFacts.Lower"/> holds.
/// </summary>
public sealed class NameGazetteer
{
    public const int MaxTokens = 6;

    private readonly FrozenSet<ulong> _names;

    public NameGazetteer(IEnumerable<ulong> nameHashes)
    {
        _names = nameHashes.ToFrozenSet();
    }

    public int Count => _names.Count;

    public IEnumerable<ulong> Hashes => _names.Order();

    /// <summary>The hash of a name, tokenised the way <paramref name="segmenter"/> tokenises text.</summary>
    public static ulong HashOf(string name, ISegmenter segmenter)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        SegmentedText segmented = segmenter.Segment(name);
        Span<ulong> tokens = stackalloc ulong[MaxTokens];
        int n = Math.Min(segmented.Tokens.Length, MaxTokens);
        if (n == 0 || segmented.Tokens.Length > MaxTokens)
        {
            return 0;
        }

        for (int i = 0; i < n; i++)
        {
            TextSpan span = segmented.Tokens[i].Span;
            tokens[i] = FeatureKey.LowerText(name.AsSpan(span.Start, span.Length));
        }

        return FeatureKey.Sequence(tokens[..n]);
    }

    /// <summary>The hash of a single token (as <see cref="TokenFacts.Lower"/> holds it) taken as a one-token name.</summary>
    public static ulong HashOfToken(ulong lowerTokenHash) => FeatureKey.Sequence([lowerTokenHash]);

    public bool Contains(ulong nameHash) => _names.Contains(nameHash);

    /// <summary>
    /// Marks the longest names found, left to right, as BILOU codes in <paramref name="codes"/>:
    /// 1 = begins, 2 = inside, 3 = last, 4 = a one-token name, 0 = no name.
    /// </summary>
    public void Match(ReadOnlySpan<ulong> lowerTokens, Span<int> codes, int stride, int slot)
    {
        Span<ulong> window = stackalloc ulong[MaxTokens];
        int i = 0;
        while (i < lowerTokens.Length)
        {
            int found = 0;
            int longest = Math.Min(MaxTokens, lowerTokens.Length - i);
            for (int length = longest; length >= 1 && found == 0; length--)
            {
                lowerTokens.Slice(i, length).CopyTo(window);
                if (_names.Contains(FeatureKey.Sequence(window[..length])))
                {
                    found = length;
                }
            }

            if (found == 0)
            {
                i++;
                continue;
            }

            for (int k = 0; k < found; k++)
            {
                codes[((i + k) * stride) + slot] = found == 1 ? 4 : k == 0 ? 1 : k == found - 1 ? 3 : 2;
            }

            i += found;
        }
    }
}
