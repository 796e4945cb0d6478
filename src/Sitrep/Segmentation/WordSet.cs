using System.Collections.Frozen;

namespace Sitrep.Segmentation;

/// <summary>
/// A frozen set of strings looked up by span, so the tokenizer tests a slice of the text without
/// allocating a string for it. Case-insensitive sets use ordinal ignore-case comparison.
/// </summary>
internal sealed class WordSet
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _maxLength;
    private readonly int _minLength;

    public WordSet(IEnumerable<string> words, bool ignoreCase)
    {
        var set = words.ToFrozenSet(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        _lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        Count = set.Count;
        _minLength = int.MaxValue;
        foreach (string word in set)
        {
            _maxLength = Math.Max(_maxLength, word.Length);
            _minLength = Math.Min(_minLength, word.Length);
        }
    }

    public static WordSet Empty { get; } = new([], ignoreCase: false);

    public int Count { get; }

    public bool Contains(ReadOnlySpan<char> word) =>
        word.Length <= _maxLength && word.Length >= _minLength && _lookup.Contains(word);
}
