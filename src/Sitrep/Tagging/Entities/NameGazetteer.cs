using System.Collections.Frozen;
using Sitrep.Documents;
using Sitrep.Segmentation;
using Sitrep.Tagging.Sequence;

namespace Sitrep.Tagging.Entities;

/// <summary>A name of a <see cref="NameGazetteer"/>: the hash of its lower-case token sequence and of its first token.</summary>
public readonly record struct NameKey(ulong Name, ulong FirstToken);

/// <summary>
/// A set of multi-token names (place names, first names, organisation words), stored as hashes of their
/// lower-case token sequences so that matching a sentence needs no strings: every name of up to
/// <see cref="MaxTokens"/> tokens is found by hashing the token hashes <see cref="TokenFacts.Lower"/> holds.
/// </summary>
public sealed class NameGazetteer
{
    public const int MaxTokens = 6;

    private readonly FrozenSet<ulong> _names;

    // Most tokens start no name: one lookup of the first token tells, before any longer name is hashed.
    private readonly FrozenSet<ulong> _firstTokens;

    public NameGazetteer(IEnumerable<NameKey> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var list = names.Where(n => n.Name != 0).ToList();
        _names = list.Select(n => n.Name).ToFrozenSet();
        _firstTokens = list.Select(n => n.FirstToken).ToFrozenSet();
    }

    private NameGazetteer(FrozenSet<ulong> names, FrozenSet<ulong> firstTokens)
    {
        _names = names;
        _firstTokens = firstTokens;
    }

    public int Count => _names.Count;

    /// <summary>The key of a name, tokenised the way <paramref name="segmenter"/> tokenises text; default when it has no token or too many.</summary>
    public static NameKey KeyOf(string name, ISegmenter segmenter)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(segmenter);
        SegmentedText segmented = segmenter.Segment(name);
        int n = segmented.Tokens.Length;
        if (n == 0 || n > MaxTokens)
        {
            return default;
        }

        Span<ulong> tokens = stackalloc ulong[MaxTokens];
        for (int i = 0; i < n; i++)
        {
            TextSpan span = segmented.Tokens[i].Span;
            tokens[i] = FeatureKey.LowerText(name.AsSpan(span.Start, span.Length));
        }

        return new NameKey(FeatureKey.Sequence(tokens[..n]), tokens[0]);
    }

    /// <summary>The key of a one-token name from its lower-case hash (as <see cref="TokenFacts.Lower"/> holds it).</summary>
    public static NameKey KeyOfToken(ulong lowerTokenHash) => new(FeatureKey.Sequence([lowerTokenHash]), lowerTokenHash);

    /// <summary>
    /// Marks the longest names found, left to right, as BILOU codes in <paramref name="codes"/> at
    /// <c>codes[token * stride + slot]</c>: 1 = begins, 2 = inside, 3 = last, 4 = a one-token name.
    /// </summary>
    public void Match(ReadOnlySpan<ulong> lowerTokens, Span<int> codes, int stride, int slot)
    {
        int i = 0;
        while (i < lowerTokens.Length)
        {
            int found = 0;
            if (_firstTokens.Contains(lowerTokens[i]))
            {
                for (int length = Math.Min(MaxTokens, lowerTokens.Length - i); length >= 1 && found == 0; length--)
                {
                    if (_names.Contains(FeatureKey.Sequence(lowerTokens.Slice(i, length))))
                    {
                        found = length;
                    }
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

    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteSet(writer, _names);
        WriteSet(writer, _firstTokens);
    }

    public static NameGazetteer? Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        FrozenSet<ulong> names = ReadSet(reader);
        FrozenSet<ulong> firstTokens = ReadSet(reader);
        return names.Count == 0 ? null : new NameGazetteer(names, firstTokens);
    }

    private static void WriteSet(BinaryWriter writer, FrozenSet<ulong> set)
    {
        writer.Write(set.Count);
        foreach (ulong hash in set.Order())
        {
            writer.Write(hash);
        }
    }

    private static FrozenSet<ulong> ReadSet(BinaryReader reader)
    {
        int count = reader.ReadInt32();
        if (count < 0)
        {
            throw new InvalidDataException($"negative name-list size {count}");
        }

        var hashes = new ulong[count];
        for (int i = 0; i < count; i++)
        {
            hashes[i] = reader.ReadUInt64();
        }

        return hashes.ToFrozenSet();
    }
}
