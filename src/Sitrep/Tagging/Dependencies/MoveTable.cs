using System.Numerics;
using Sitrep.Tagging.Sequence;

namespace Sitrep.Tagging.Dependencies;

/// <summary>
/// The move model laid out for speed: each feature key with its three weights (shift, left, right) in one 24-byte
/// slot of an open-addressing table, so scoring a feature costs one cache miss instead of two (key, then row) in a
/// <see cref="LinearModel"/>. The table is far larger than the caches and the parser probes about 90 features per
/// move, so those misses are most of its time.
/// </summary>
internal sealed class MoveTable
{
    private readonly Entry[] _entries;
    private readonly int _mask;

    public MoveTable(LinearModel model)
    {
        (ulong[] keys, float[] weights) = model.Export();
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length * 2));
        _entries = new Entry[capacity];
        _mask = capacity - 1;
        for (int r = 0; r < keys.Length; r++)
        {
            int slot = (int)keys[r] & _mask;
            while (_entries[slot].Key != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _entries[slot] = new Entry(keys[r], weights[r * 3], weights[(r * 3) + 1], weights[(r * 3) + 2]);
        }
    }

    /// <summary>Sets <paramref name="scores"/>[0..3] to the sums of the shift, left and right weights of the features.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        float shift = 0, left = 0, right = 0;
        Entry[] entries = _entries;
        foreach (ulong key in features)
        {
            int slot = (int)key & _mask;
            while (true)
            {
                ref readonly Entry entry = ref entries[slot];
                if (entry.Key == key)
                {
                    shift += entry.Shift;
                    left += entry.Left;
                    right += entry.Right;
                    break;
                }

                if (entry.Key == 0)
                {
                    break;
                }

                slot = (slot + 1) & _mask;
            }
        }

        scores[0] = shift;
        scores[1] = left;
        scores[2] = right;
    }

    private readonly record struct Entry(ulong Key, float Shift, float Left, float Right);
}
