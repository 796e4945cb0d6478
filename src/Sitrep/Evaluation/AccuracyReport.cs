using System.Globalization;

namespace Sitrep.Evaluation;

/// <summary>Label accuracy with its confusions (gold → system), for part of speech and similar per-item labels.</summary>
public sealed class AccuracyReport
{
    private readonly Dictionary<(string Gold, string System), int> _confusions = [];

    public int Total { get; private set; }

    public int Correct { get; private set; }

    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public void Add(string gold, string system)
    {
        Total++;
        if (string.Equals(gold, system, StringComparison.Ordinal))
        {
            Correct++;
            return;
        }

        _confusions[(gold, system)] = _confusions.GetValueOrDefault((gold, system)) + 1;
    }

    public string TopConfusions(int count) => string.Join(", ", _confusions
        .OrderByDescending(p => p.Value).ThenBy(p => p.Key.Gold, StringComparer.Ordinal).ThenBy(p => p.Key.System, StringComparer.Ordinal)
        .Take(count)
        .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key.Gold}→{p.Key.System} {p.Value}")));
}
