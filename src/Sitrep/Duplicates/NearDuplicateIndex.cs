namespace Sitrep.Duplicates;

/// <summary>
/// Texts added one after another, each linked to its nearest earlier near-duplicate: the same LSH look-up the
/// stores run in SQL, in memory (for <c>sitrep eval dedup</c> and for hosts without a store). Not thread-safe.
/// </summary>
public sealed class NearDuplicateIndex(NearDuplicateDetector detector)
{
    private readonly Dictionary<long, List<int>> _bands = [];
    private readonly List<MinHashSignature> _signatures = [];
    private readonly HashSet<int> _candidates = [];

    public int Count => _signatures.Count;

    /// <summary>Adds a text as number <see cref="Count"/> and returns the earlier text it is a near-duplicate of, if any.</summary>
    public NearDuplicateMatch<int>? Add(ReadOnlySpan<char> text) => Add(detector.Sign(text));

    /// <summary>Adds a signature as number <see cref="Count"/> and returns the earlier one it is a near-duplicate of, if any.</summary>
    public NearDuplicateMatch<int>? Add(MinHashSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        int number = _signatures.Count;
        _signatures.Add(signature);
        _candidates.Clear();
        foreach (long key in NearDuplicateDetector.BandKeys(signature))
        {
            if (_bands.TryGetValue(key, out List<int>? texts))
            {
                _candidates.UnionWith(texts);
                texts.Add(number);
            }
            else
            {
                _bands[key] = [number];
            }
        }

        return detector.Nearest(signature, _candidates.Select(c => (c, _signatures[c])));
    }
}
