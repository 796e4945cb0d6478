using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Sitrep.Tagging.Sequence;

/// <summary>
/// The weights of a trained linear classifier over hashed features: one row of class weights per feature key,
/// found through an open-addressing table. Immutable and thread-safe once built.
/// </summary>
/// <remarks>
/// The table is far larger than the caches, so scoring is bound by memory: each feature key sits in a slot of
/// 32, 64 or 128 bytes (up to 12, 28 or 60 labels) with its weights beside it as half-precision floats. Slots are
/// aligned to their size, so with up to 28 labels finding a feature and reading its row costs one cache miss. Scoring first reads
/// the home slot of every feature with no branch on the data, so the misses of all the features of a token are
/// in flight together, then sums the rows.
/// </remarks>
public sealed class LinearModel
{
    private const uint Magic = 0x314D4C53; // "SLM1"
    private const int Line = 64;
    private const int WeightsOffset = sizeof(ulong);
    private const int Chunk = 8;

    // Half-precision bits of the smallest normal number: smaller weights are stored as zero.
    private const ushort SmallestNormal = 0x0400;

    private static readonly float Rebase = float.ScaleB(1f, 112);

    private readonly byte[] _table;
    private readonly int _origin;
    private readonly int _slotSize;
    private readonly int _mask;
    private readonly ulong[] _keys;

    public LinearModel(ImmutableArray<string> labels, IReadOnlyList<(ulong Key, float[] Weights)> rows)
        : this(labels, [.. rows.Select(r => r.Key)], Flatten(labels.Length, rows))
    {
    }

    /// <summary>A model from feature keys and their weights, <paramref name="weights"/> holding one row of label weights per key.</summary>
    public LinearModel(ImmutableArray<string> labels, ulong[] keys, float[] weights)
        : this(labels, keys, ToHalfBits(weights))
    {
    }

    /// <summary>A model from feature keys and the bits of their half-precision weights, one row of labels per key.</summary>
    private LinearModel(ImmutableArray<string> labels, ulong[] keys, ushort[] weights)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (labels.IsDefaultOrEmpty || weights.Length != keys.Length * labels.Length)
        {
            throw new ArgumentException($"a model needs labels and {keys.Length} × {labels.Length} weights");
        }

        Labels = labels;
        Stride = (labels.Length + Chunk - 1) / Chunk * Chunk;
        _slotSize = (int)BitOperations.RoundUpToPowerOf2((uint)(WeightsOffset + (Stride * sizeof(ushort))));

        // At most half full: at 60% the French entity model (312k keys) was 15% slower, the probes for the
        // features it does not hold running over more slots before they reach an empty one.
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length * 2));
        _mask = capacity - 1;
        _table = GC.AllocateArray<byte>((capacity * _slotSize) + Line, pinned: true);
        _origin = AlignmentOffset(_table);
        _keys = [.. keys];
        Fill(_table.AsSpan(_origin, capacity * _slotSize), _slotSize, _mask, keys, weights, labels.Length);
        FeatureCount = keys.Length;
    }

    public ImmutableArray<string> Labels { get; }

    /// <summary>Length of a score buffer: the label count rounded up to a whole number of SIMD vectors.</summary>
    public int Stride { get; }

    public int FeatureCount { get; }

    /// <summary>Sets <paramref name="scores"/> (length <see cref="Stride"/>) to the sum of the rows of the features present.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores = scores[..Stride];
        ref byte table = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_table), _origin);

        // First pass, without a branch on what memory holds: the home slots of all features are read at once.
        ulong seen = 0;
        foreach (ulong key in features)
        {
            seen += Unsafe.As<byte, ulong>(ref Unsafe.Add(ref table, ((int)key & _mask) * _slotSize));
        }

        if (Vector256.IsHardwareAccelerated && Stride <= 4 * Chunk)
        {
            // Up to 32 labels (every tagger): the sums stay in four vector registers.
            int chunks = Stride / Chunk;
            Vector256<float> sum0 = default, sum1 = default, sum2 = default, sum3 = default;
            foreach (ulong key in features)
            {
                ref short row = ref Unsafe.As<byte, short>(ref RowOf(ref table, key));
                if (Unsafe.IsNullRef(ref row))
                {
                    continue;
                }

                sum0 += Weights(ref row, 0);
                sum1 += chunks > 1 ? Weights(ref row, Chunk) : default;
                sum2 += chunks > 2 ? Weights(ref row, 2 * Chunk) : default;
                sum3 += chunks > 3 ? Weights(ref row, 3 * Chunk) : default;
            }

            ref float target = ref MemoryMarshal.GetReference(scores);
            ReadOnlySpan<Vector256<float>> sums = [sum0, sum1, sum2, sum3];
            for (int c = 0; c < chunks; c++)
            {
                sums[c].StoreUnsafe(ref target, (nuint)(c * Chunk));
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            scores.Clear();
            ref float target = ref MemoryMarshal.GetReference(scores);
            foreach (ulong key in features)
            {
                ref short row = ref Unsafe.As<byte, short>(ref RowOf(ref table, key));
                for (int c = 0; !Unsafe.IsNullRef(ref row) && c < Stride; c += Chunk)
                {
                    (Vector256.LoadUnsafe(ref target, (nuint)c) + Weights(ref row, c)).StoreUnsafe(ref target, (nuint)c);
                }
            }
        }
        else
        {
            scores.Clear();
            foreach (ulong key in features)
            {
                ref ushort row = ref Unsafe.As<byte, ushort>(ref RowOf(ref table, key));
                for (int label = 0; !Unsafe.IsNullRef(ref row) && label < scores.Length; label++)
                {
                    scores[label] += (float)BitConverter.UInt16BitsToHalf(Unsafe.Add(ref row, label));
                }
            }
        }

        // Keeps the first pass from being optimised away; a sum of keys is never exactly this.
        if (seen == 1)
        {
            scores[0] += 0;
        }
    }

    /// <summary>
    /// Every feature key with its weights (<see cref="Labels"/>.Length floats per key, in the order of the keys), for a
    /// caller that lays the weights out its own way (the parser keeps its three move weights beside each key).
    /// </summary>
    public (ulong[] Keys, float[] Weights) Export()
    {
        var weights = new float[FeatureCount * Labels.Length];
        for (int r = 0; r < _keys.Length; r++)
        {
            ReadOnlySpan<ushort> row = RowOf(_keys[r]);
            for (int label = 0; label < Labels.Length; label++)
            {
                weights[(r * Labels.Length) + label] = (float)BitConverter.UInt16BitsToHalf(row[label]);
            }
        }

        return ([.. _keys], weights);
    }

    /// <summary>The best label whose <paramref name="allowed"/> flag is set (all when empty).</summary>
    public static int ArgMax(ReadOnlySpan<float> scores, int labels, ReadOnlySpan<bool> allowed = default)
    {
        int best = -1;
        float bestScore = float.NegativeInfinity;
        for (int i = 0; i < labels; i++)
        {
            if ((allowed.IsEmpty || allowed[i]) && (best < 0 || scores[i] > bestScore))
            {
                best = i;
                bestScore = scores[i];
            }
        }

        return best;
    }

    /// <summary>
    /// Puts every key with its weights in its slot. Optimised from the first call: it runs once per model, over
    /// up to a few million weights, and the first tier of the JIT made loading the French entity model twice as slow.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Fill(Span<byte> table, int slotSize, int mask, ulong[] keys, ushort[] weights, int labels)
    {
        for (int r = 0; r < keys.Length; r++)
        {
            ulong key = keys[r];
            if (key == 0)
            {
                throw new ArgumentException("feature key 0 marks an empty slot", nameof(keys));
            }

            int slot = (int)key & mask;
            ulong found;
            while ((found = MemoryMarshal.Read<ulong>(table[(slot * slotSize)..])) != 0)
            {
                if (found == key)
                {
                    throw new ArgumentException($"feature key {key:x16} appears twice", nameof(keys));
                }

                slot = (slot + 1) & mask;
            }

            Span<byte> entry = table.Slice(slot * slotSize, slotSize);
            MemoryMarshal.Write(entry, key);
            Span<ushort> halves = MemoryMarshal.Cast<byte, ushort>(entry[WeightsOffset..]);
            for (int label = 0; label < labels; label++)
            {
                ushort bits = weights[(r * labels) + label];
                halves[label] = (bits & 0x7FFF) < SmallestNormal ? (ushort)0 : bits;
            }
        }
    }

    private static ushort[] ToHalfBits(float[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var bits = new ushort[weights.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            bits[i] = BitConverter.HalfToUInt16Bits((Half)weights[i]);
        }

        return bits;
    }

    /// <summary>The half-precision weights of a key the model holds.</summary>
    private ReadOnlySpan<ushort> RowOf(ulong key)
    {
        int slot = (int)key & _mask;
        while (KeyAt(slot) != key)
        {
            slot = (slot + 1) & _mask;
        }

        return MemoryMarshal.Cast<byte, ushort>(_table.AsSpan(_origin + (slot * _slotSize) + WeightsOffset, Stride * sizeof(ushort)));
    }

    private ulong KeyAt(int slot) => MemoryMarshal.Read<ulong>(_table.AsSpan(_origin + (slot * _slotSize), sizeof(ulong)));

    /// <summary>The weights of <paramref name="key"/> in the table starting at <paramref name="table"/>, or a null reference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref byte RowOf(ref byte table, ulong key)
    {
        int slot = (int)key & _mask;
        while (true)
        {
            ref byte entry = ref Unsafe.Add(ref table, slot * _slotSize);
            ulong found = Unsafe.As<byte, ulong>(ref entry);
            if (found == key)
            {
                return ref Unsafe.Add(ref entry, WeightsOffset);
            }

            if (found == 0)
            {
                return ref Unsafe.NullRef<byte>();
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>
    /// Eight half-precision weights as floats: the bits, sign-extended, are shifted into a float's place (sign,
    /// exponent, mantissa) and the exponent rebased by multiplying by 2^112. Exact for the normal numbers and
    /// zero, the only values the table stores.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Weights(ref short row, int first)
    {
        var bits = Vector256.WidenLower(Vector128.LoadUnsafe(ref row, (nuint)first).ToVector256Unsafe());
        return ((bits << 13) & Vector256.Create(unchecked((int)0x8FFF_FFFF))).AsSingle() * Vector256.Create(Rebase);
    }

    /// <summary>Bytes from the start of the array's data to its first address on a cache-line boundary (the array is pinned).</summary>
    private static int AlignmentOffset(byte[] pinned)
    {
        var handle = GCHandle.Alloc(pinned, GCHandleType.Pinned);
        nint address = handle.AddrOfPinnedObject();
        handle.Free();
        return (int)((Line - (address % Line)) % Line);
    }

    /// <summary>
    /// Writes the labels and every row sparsely: the key, then (label, weight) for each weight that is not zero,
    /// weights as half-precision floats (a perceptron's averaged weights need no more).
    /// </summary>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Magic);
        writer.Write(Labels.Length);
        foreach (string label in Labels)
        {
            writer.Write(label);
        }

        writer.Write(_keys.Length);
        foreach (ulong key in _keys)
        {
            writer.Write(key);
            ReadOnlySpan<ushort> weights = RowOf(key)[..Labels.Length];
            int nonZero = 0;
            foreach (ushort w in weights)
            {
                nonZero += w != 0 ? 1 : 0;
            }

            writer.Write((byte)nonZero);
            for (int label = 0; label < weights.Length; label++)
            {
                if (weights[label] != 0)
                {
                    writer.Write((byte)label);
                    writer.Write(BitConverter.UInt16BitsToHalf(weights[label]));
                }
            }
        }
    }

    public static LinearModel Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ReadUInt32() != Magic)
        {
            throw new InvalidDataException("not a Sitrep linear model (bad magic number)");
        }

        int labelCount = reader.ReadInt32();
        if (labelCount is <= 0 or > 255)
        {
            throw new InvalidDataException($"a linear model has 1 to 255 labels, not {labelCount}");
        }

        var labels = ImmutableArray.CreateBuilder<string>(labelCount);
        for (int i = 0; i < labelCount; i++)
        {
            labels.Add(reader.ReadString());
        }

        int rowCount = reader.ReadInt32();
        if (rowCount < 0)
        {
            throw new InvalidDataException($"negative feature count {rowCount}");
        }

        var keys = new ulong[rowCount];
        var weights = new ushort[rowCount * labelCount];
        for (int r = 0; r < rowCount; r++)
        {
            keys[r] = reader.ReadUInt64();
            int nonZero = reader.ReadByte();
            for (int i = 0; i < nonZero; i++)
            {
                int label = reader.ReadByte();
                if (label >= labelCount)
                {
                    throw new InvalidDataException($"feature row names label {label} of {labelCount}");
                }

                weights[(r * labelCount) + label] = reader.ReadUInt16();
            }
        }

        return new LinearModel(labels.MoveToImmutable(), keys, weights);
    }

    private static float[] Flatten(int labels, IReadOnlyList<(ulong Key, float[] Weights)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var weights = new float[rows.Count * labels];
        for (int r = 0; r < rows.Count; r++)
        {
            rows[r].Weights.AsSpan(0, labels).CopyTo(weights.AsSpan(r * labels));
        }

        return weights;
    }

}
