using System.Collections.Immutable;

namespace Sitrep.Tagging.Sequence;

/// <summary>
/// Trains a <see cref="LinearModel"/> as an averaged perceptron (Collins 2002): predict, and on a mistake
/// add the features to the gold label and take them from the guessed one. The averaged weights are kept
/// lazily (each weight remembers when it last changed), so an update costs the features it touches.
/// Not thread-safe; deterministic for a given order of examples.
/// </summary>
public sealed class PerceptronTrainer
{
    private readonly int _labels;
    private readonly Dictionary<ulong, int> _rows = [];
    private float[] _weights;
    private double[] _totals;
    private int[] _stamps;
    private int _tick;

    public PerceptronTrainer(ImmutableArray<string> labels)
    {
        Labels = labels;
        _labels = labels.Length;
        _weights = new float[1024 * _labels];
        _totals = new double[_weights.Length];
        _stamps = new int[_weights.Length];
    }

    public ImmutableArray<string> Labels { get; }

    /// <summary>Scores every label (into <paramref name="scores"/>, length ≥ label count) with the current weights.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores[.._labels].Clear();
        foreach (ulong key in features)
        {
            if (_rows.TryGetValue(key, out int row))
            {
                ReadOnlySpan<float> weights = _weights.AsSpan(row * _labels, _labels);
                for (int i = 0; i < _labels; i++)
                {
                    scores[i] += weights[i];
                }
            }
        }
    }

    /// <summary>One training step: when <paramref name="guess"/> is not <paramref name="gold"/>, move the weights toward gold.</summary>
    public void Update(ReadOnlySpan<ulong> features, int gold, int guess)
    {
        _tick++;
        if (gold == guess)
        {
            return;
        }

        foreach (ulong key in features)
        {
            int row = RowOf(key);
            Change(row * _labels + gold, 1);
            Change(row * _labels + guess, -1);
        }
    }

    /// <summary>The averaged weights, leaving out features whose weights all round to zero.</summary>
    public LinearModel Build(float minimumWeight = 1e-3f)
    {
        var rows = new List<(ulong, float[])>(_rows.Count);
        foreach ((ulong key, int row) in _rows.OrderBy(p => p.Value))
        {
            var averaged = new float[_labels];
            bool any = false;
            for (int label = 0; label < _labels; label++)
            {
                int i = row * _labels + label;
                double total = _totals[i] + ((double)(_tick - _stamps[i]) * _weights[i]);
                float value = (float)(total / Math.Max(_tick, 1));
                if (Math.Abs(value) >= minimumWeight)
                {
                    averaged[label] = value;
                    any = true;
                }
            }

            if (any)
            {
                rows.Add((key, averaged));
            }
        }

        return new LinearModel(Labels, rows);
    }

    private int RowOf(ulong key)
    {
        if (_rows.TryGetValue(key, out int row))
        {
            return row;
        }

        row = _rows.Count;
        _rows.Add(key, row);
        if ((row + 1) * _labels > _weights.Length)
        {
            int size = _weights.Length * 2;
            Array.Resize(ref _weights, size);
            Array.Resize(ref _totals, size);
            Array.Resize(ref _stamps, size);
        }

        return row;
    }

    private void Change(int i, float delta)
    {
        _totals[i] += (double)(_tick - _stamps[i]) * _weights[i];
        _stamps[i] = _tick;
        _weights[i] += delta;
    }
}
