using System.Collections.Immutable;

namespace Sitrep.Documents;

/// <summary>
/// Builds an <see cref="OffsetMap"/> from the original position of every derived character, given in
/// order. Only the places where the two texts stop advancing together are stored.
/// </summary>
internal sealed class OffsetMapBuilder
{
    private readonly ImmutableArray<OffsetMap.Breakpoint>.Builder _breakpoints = ImmutableArray.CreateBuilder<OffsetMap.Breakpoint>();
    private int _derived;
    private int _lastOriginal = -1;

    /// <summary>Records that the next derived character comes from the original character at <paramref name="original"/>.</summary>
    public void Add(int original)
    {
        if (original != _lastOriginal + 1)
        {
            _breakpoints.Add(new OffsetMap.Breakpoint(_derived, original));
        }

        _lastOriginal = original;
        _derived++;
    }

    /// <summary>Records a run of <paramref name="length"/> characters copied unchanged from <paramref name="original"/>.</summary>
    public void AddRun(int original, int length)
    {
        if (length == 0)
        {
            return;
        }

        Add(original);
        _lastOriginal = original + length - 1;
        _derived += length - 1;
    }

    public OffsetMap Build(int originalLength) => new(_breakpoints.ToImmutable(), _derived, originalLength);
}
