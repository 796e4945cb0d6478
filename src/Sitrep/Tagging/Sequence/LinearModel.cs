using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Sitrep.Tagging.Sequence;

/// <summary>
/// The weights of a trained linear classifier over hashed features: one row of class weights per feature key,
/// found through an open-addressing table. Immutable and thread-safe once built. Rows are padded to a whole
/// number of SIMD vectors, so scoring a feature is one table probe and a few vector additions.
/// </summary>
public sealed class LinearModel
{
    private const uint Magic = 0x314D4C53; // "SLM1"

    // Key and row side by side: one cache line per probe, the table being far larger than the caches.
    private readonly Slot[] _slots;
    private readonly int _mask;
    private readonly float[] _weights;

    public LinearModel(ImmutableArray<string> labels, IReadOnlyList<(ulong Key, float[] Weights)> rows)
        : this(labels, [.. rows.Select(r => r.Key)], Flatten(labels.Length, rows))
    {
    }

    /// <summary>A model from feature keys and their weights, <paramref name="weights"/> holding one row of label weights per key.</summary>
    public LinearModel(ImmutableArray<string> labels, ulong[] keys, float[] weights)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(weights);
        if (labels.IsDefaultOrEmpty || weights.Length != keys.Length * labels.Length)
        {
            throw new ArgumentException($"a model needs labels and {keys.Length} × {labels.Length} weights");
        }

        Labels = labels;
        int vector = Vector<float>.Count;
        Stride = (labels.Length + vector - 1) / vector * vector;
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length * 2));
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        _weights = new float[keys.Length * Stride];
        for (int r = 0; r < keys.Length; r++)
        {
            ulong key = keys[r];
            int slot = (int)key & _mask;
            while (_slots[slot].Key != 0)
            {
                if (_slots[slot].Key == key)
                {
                    throw new ArgumentException($"feature key {key:x16} appears twice", nameof(keys));
                }

                slot = (slot + 1) & _mask;
            }

            _slots[slot] = new Slot(key, r);
            weights.AsSpan(r * labels.Length, labels.Length).CopyTo(_weights.AsSpan(r * Stride));
        }

        FeatureCount = keys.Length;
    }

    public ImmutableArray<string> Labels { get; }

    /// <summary>Length of a score buffer: the label count rounded up to a whole number of SIMD vectors.</summary>
    public int Stride { get; }

    public int FeatureCount { get; }

    /// <summary>Sets <paramref name="scores"/> (length <see cref="Stride"/>) to the sum of the rows of the features present.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores.Clear();
        Span<Vector<float>> sum = MemoryMarshal.Cast<float, Vector<float>>(scores[..Stride]);
        foreach (ulong key in features)
        {
            int row = Find(key);
            if (row < 0)
            {
                continue;
            }

            ReadOnlySpan<Vector<float>> weights = MemoryMarshal.Cast<float, Vector<float>>(_weights.AsSpan(row * Stride, Stride));
            for (int v = 0; v < sum.Length; v++)
            {
                sum[v] += weights[v];
            }
        }
    }

    /// <summary>
    /// Every feature key with its weights (<see cref="Labels"/>.Length floats per key, in the order of the keys), for a
    /// caller that lays the weights out its own way (the parser keeps its three move weights beside each key).
    /// </summary>
    public (ulong[] Keys, float[] Weights) Export()
    {
        var keys = new ulong[FeatureCount];
        var weights = new float[FeatureCount * Labels.Length];
        int r = 0;
        foreach (Slot slot in _slots)
        {
            if (slot.Key != 0)
            {
                keys[r] = slot.Key;
                _weights.AsSpan(slot.Row * Stride, Labels.Length).CopyTo(weights.AsSpan(r * Labels.Length));
                r++;
            }
        }

        return (keys, weights);
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

    private int Find(ulong key)
    {
        int slot = (int)key & _mask;
        while (true)
        {
            ref readonly Slot found = ref _slots[slot];
            if (found.Key == key)
            {
                return found.Row;
            }

            if (found.Key == 0)
            {
                return -1;
            }

            slot = (slot + 1) & _mask;
        }
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

        var order = new List<(ulong Key, int Row)>(FeatureCount);
        foreach (Slot slot in _slots)
        {
            if (slot.Key != 0)
            {
                order.Add((slot.Key, slot.Row));
            }
        }

        order.Sort((a, b) => a.Row.CompareTo(b.Row));
        writer.Write(order.Count);
        foreach ((ulong key, int row) in order)
        {
            writer.Write(key);
            ReadOnlySpan<float> weights = _weights.AsSpan(row * Stride, Labels.Length);
            int nonZero = 0;
            foreach (float w in weights)
            {
                nonZero += w != 0 ? 1 : 0;
            }

            writer.Write((byte)nonZero);
            for (int label = 0; label < weights.Length; label++)
            {
                if (weights[label] != 0)
                {
                    writer.Write((byte)label);
                    writer.Write((Half)weights[label]);
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
        var weights = new float[rowCount * labelCount];
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

                weights[(r * labelCount) + label] = (float)reader.ReadHalf();
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

    private readonly record struct Slot(ulong Key, int Row);
}
