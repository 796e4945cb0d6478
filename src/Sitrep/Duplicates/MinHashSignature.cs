using System.Buffers.Binary;
using System.Collections.Immutable;

namespace Sitrep.Duplicates;

/// <summary>
/// The MinHash signature of one text: for each of <see cref="NearDuplicateDetector.Hashes"/> hash functions, the
/// smallest value it gives over the text's word shingles. Two signatures agree at a position with probability
/// equal to the Jaccard similarity of the two shingle sets, so the share of equal positions estimates it.
/// A text without a single word has an empty signature (<see cref="IsEmpty"/>), similar to nothing.
/// </summary>
public sealed class MinHashSignature : IEquatable<MinHashSignature>
{
    internal MinHashSignature(ImmutableArray<uint> values, int shingles)
    {
        Values = values;
        Shingles = shingles;
    }

    /// <summary>The minimum of each hash function over the shingles (all <see cref="uint.MaxValue"/> when empty).</summary>
    public ImmutableArray<uint> Values { get; }

    /// <summary>How many shingles the text had (counting repeats): 0 for a text without words.</summary>
    public int Shingles { get; }

    public bool IsEmpty => Shingles == 0;

    /// <summary>Estimated Jaccard similarity of the two shingle sets: the share of equal positions; 0 when either is empty.</summary>
    public double EstimateSimilarity(MinHashSignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (IsEmpty || other.IsEmpty || other.Values.Length != Values.Length)
        {
            return 0;
        }

        ReadOnlySpan<uint> a = Values.AsSpan(), b = other.Values.AsSpan();
        int equal = 0;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                equal++;
            }
        }

        return (double)equal / a.Length;
    }

    /// <summary>
    /// One key per LSH band: a hash of the band's <c>rows</c> values and of the band's number, so the keys of all bands
    /// can sit in one index column. Two texts whose signatures agree on a whole band share that band's key.
    /// </summary>
    public ImmutableArray<long> BandKeys(int bands)
    {
        if (IsEmpty)
        {
            return [];
        }

        if (bands <= 0 || Values.Length % bands != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bands), bands, $"must divide the signature length {Values.Length}");
        }

        int rows = Values.Length / bands;
        var keys = new long[bands];
        for (int band = 0; band < bands; band++)
        {
            ulong h = ShingleHashing.Mix((ulong)band + 0x5BD1E995UL);
            for (int row = 0; row < rows; row++)
            {
                h = ShingleHashing.Mix(h ^ Values[(band * rows) + row]);
            }

            keys[band] = (long)h;
        }

        return ImmutableArray.Create(keys);
    }

    /// <summary>The stored form: the shingle count then each value, 4 bytes little-endian each.</summary>
    public byte[] ToBytes()
    {
        byte[] bytes = new byte[4 * (Values.Length + 1)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, Shingles);
        for (int i = 0; i < Values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * (i + 1)), Values[i]);
        }

        return bytes;
    }

    /// <summary>Reads what <see cref="ToBytes"/> wrote.</summary>
    public static MinHashSignature FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 4 != 0)
        {
            throw new FormatException($"a stored signature has a multiple of 4 bytes, not {bytes.Length}");
        }

        int shingles = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var values = new uint[(bytes.Length / 4) - 1];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(4 * (i + 1))..]);
        }

        return new MinHashSignature(ImmutableArray.Create(values), shingles);
    }

    public bool Equals(MinHashSignature? other) =>
        other is not null && Shingles == other.Shingles && Values.AsSpan().SequenceEqual(other.Values.AsSpan());

    public override bool Equals(object? obj) => Equals(obj as MinHashSignature);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Shingles);
        foreach (uint value in Values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
