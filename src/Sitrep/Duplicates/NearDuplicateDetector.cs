using System.Collections.Immutable;

namespace Sitrep.Duplicates;

/// <summary>
/// Finds near-duplicate articles: wire copy republished with a new headline, a paragraph added or cut, the end
/// trimmed, typos fixed. A text becomes the set of its <see cref="ShingleWords"/>-word shingles (normalised words:
/// lower case, accents folded, punctuation ignored), summarised by a <see cref="MinHashSignature"/> of
/// <see cref="Hashes"/> values; two texts are near-duplicates when the estimated Jaccard similarity of their
/// shingle sets reaches <see cref="Threshold"/>. Candidates are looked up by LSH: the signature is cut into
/// <see cref="Bands"/> bands of <see cref="Rows"/> values, and texts sharing a whole band are compared.
/// Everything is fixed (seeds included), so the same text always gives the same signature, in every process.
/// </summary>
public sealed class NearDuplicateDetector
{
    /// <summary>Words per shingle: five words in a row rarely recur by chance in two different articles on the same topic.</summary>
    public const int ShingleWords = 5;

    public const int Hashes = 128;

    /// <summary>
    /// 64 bands of 2 rows: a pair at Jaccard 0.2 becomes a candidate with probability 0.93, at 0.3 0.998, while two
    /// articles on the same story (Jaccard ≈ 0.02) do with probability 0.03. 32 bands of 4 rows index half as many
    /// keys but find a pair at 0.3 with probability 0.23 only: dev recall at threshold 0.3 fell from 0.997 to 0.951.
    /// </summary>
    public const int Bands = 64;

    public const int Rows = Hashes / Bands;

    /// <summary>
    /// The default threshold on the estimated Jaccard similarity, chosen on the dev half of <c>sitrep eval dedup</c>
    /// (docs/QUALITY.md, "Duplicates"): the lowest threshold of the grid (0.2, 0.25, 0.3 …) at least four standard errors
    /// of the estimate (√(J(1−J)/128) ≈ 0.03) above the most similar pair of different articles on dev (0.14, two
    /// PolNeAR articles on the 2016 campaign), so that a store of millions of articles does not link stories that merely
    /// share names and quotes. Dev F1 there is 0.995 (1.000 at 0.2, only two standard errors above that pair).
    /// </summary>
    public const double DefaultThreshold = 0.3;

    private static readonly ulong[] Multipliers = BuildSeeds(0x243F6A8885A308D3UL, odd: true);
    private static readonly ulong[] Increments = BuildSeeds(0x13198A2E03707344UL, odd: false);

    public NearDuplicateDetector(double threshold = DefaultThreshold)
    {
        if (double.IsNaN(threshold) || threshold <= 0 || threshold > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "a similarity threshold is in (0, 1]");
        }

        Threshold = threshold;
    }

    /// <summary>The detector the stores use.</summary>
    public static NearDuplicateDetector Default { get; } = new();

    /// <summary>Estimated Jaccard similarity from which two texts are near-duplicates.</summary>
    public double Threshold { get; }

    /// <summary>The signature of <paramref name="text"/>; a text of fewer than five words is one shingle of all its words.</summary>
    public MinHashSignature Sign(ReadOnlySpan<char> text)
    {
        var words = new List<ulong>(Math.Max(16, text.Length / 6));
        ShingleHashing.WordHashes(text, words);
        uint[] minimums = new uint[Hashes];
        Array.Fill(minimums, uint.MaxValue);
        if (words.Count == 0)
        {
            return new MinHashSignature(ImmutableArray.Create(minimums), 0);
        }

        int shingles = Math.Max(1, words.Count - ShingleWords + 1);
        for (int start = 0; start < shingles; start++)
        {
            ulong shingle = 0x9E3779B97F4A7C15UL;
            int end = Math.Min(words.Count, start + ShingleWords);
            for (int i = start; i < end; i++)
            {
                shingle = ShingleHashing.Mix(shingle ^ words[i]);
            }

            // Hash function i: multiply-add with a fixed odd multiplier, the high 32 bits (multiply-shift hashing).
            for (int i = 0; i < minimums.Length; i++)
            {
                uint value = (uint)(((shingle * Multipliers[i]) + Increments[i]) >> 32);
                if (value < minimums[i])
                {
                    minimums[i] = value;
                }
            }
        }

        return new MinHashSignature(ImmutableArray.Create(minimums), shingles);
    }

    /// <summary>Whether an estimated similarity makes two texts near-duplicates.</summary>
    public bool IsNearDuplicate(double similarity) => similarity >= Threshold;

    /// <summary>The LSH band keys of a signature (none for an empty one): the values a store indexes to find candidates.</summary>
    public static ImmutableArray<long> BandKeys(MinHashSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return signature.BandKeys(Bands);
    }

    /// <summary>
    /// Whether two signatures agree on a whole band: the pairs an index of <see cref="BandKeys"/> makes candidates, found
    /// without the keys (a store compares its newest signatures this way before their band keys are indexed).
    /// False when either is empty.
    /// </summary>
    public static bool ShareBand(MinHashSignature signature, MinHashSignature other)
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(other);
        if (signature.IsEmpty || other.IsEmpty || signature.Values.Length != other.Values.Length)
        {
            return false;
        }

        ReadOnlySpan<uint> a = signature.Values.AsSpan(), b = other.Values.AsSpan();
        for (int start = 0; start + Rows <= a.Length; start += Rows)
        {
            if (a.Slice(start, Rows).SequenceEqual(b.Slice(start, Rows)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Among <paramref name="candidates"/> (earlier texts sharing a band), the most similar one at or above the
    /// threshold, the earliest on a tie; null when none reaches it.
    /// </summary>
    public NearDuplicateMatch<TKey>? Nearest<TKey>(MinHashSignature signature, IEnumerable<(TKey Key, MinHashSignature Signature)> candidates)
        where TKey : IComparable<TKey>
    {
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(candidates);
        NearDuplicateMatch<TKey>? best = null;
        foreach ((TKey key, MinHashSignature other) in candidates)
        {
            double similarity = signature.EstimateSimilarity(other);
            if (!IsNearDuplicate(similarity))
            {
                continue;
            }

            if (best is not { } b || similarity > b.Similarity || (similarity == b.Similarity && key.CompareTo(b.Key) < 0))
            {
                best = new NearDuplicateMatch<TKey>(key, similarity);
            }
        }

        return best;
    }

    private static ulong[] BuildSeeds(ulong state, bool odd)
    {
        ulong[] seeds = new ulong[Hashes];
        for (int i = 0; i < seeds.Length; i++)
        {
            state += 0x9E3779B97F4A7C15UL;
            seeds[i] = ShingleHashing.Mix(state) | (odd ? 1UL : 0UL);
        }

        return seeds;
    }
}

/// <summary>The earlier text a new one is a near-duplicate of, and their estimated Jaccard similarity.</summary>
public readonly record struct NearDuplicateMatch<TKey>(TKey Key, double Similarity);
