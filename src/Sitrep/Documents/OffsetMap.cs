using System.Collections.Immutable;

namespace Sitrep.Documents;

/// <summary>
/// Maps positions in a derived text (after normalisation) back to the text it came from.
/// Stored as breakpoints where the two texts stop advancing together: between breakpoints the
/// mapping is a shift, so an article with nothing to normalise costs one empty array.
/// (Same idea as Lucene's <c>CharFilter.CorrectOffset</c>.)
/// </summary>
public sealed class OffsetMap
{
    private readonly ImmutableArray<Breakpoint> _breakpoints;

    internal OffsetMap(ImmutableArray<Breakpoint> breakpoints, int derivedLength, int originalLength)
    {
        _breakpoints = breakpoints;
        DerivedLength = derivedLength;
        OriginalLength = originalLength;
    }

    public static OffsetMap Identity(int length) => new([], length, length);

    public int DerivedLength { get; }

    public int OriginalLength { get; }

    public bool IsIdentity => _breakpoints.IsEmpty && DerivedLength == OriginalLength;

    /// <summary>The original position of a derived position (0 ≤ position ≤ DerivedLength).</summary>
    public int ToOriginal(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, DerivedLength);
        if (position == DerivedLength)
        {
            return OriginalLength;
        }

        // Last breakpoint at or before the position.
        int lo = 0, hi = _breakpoints.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_breakpoints[mid].Derived <= position)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (found < 0)
        {
            return position;
        }

        Breakpoint b = _breakpoints[found];
        return Math.Min(b.Original + (position - b.Derived), OriginalLength);
    }

    /// <summary>
    /// The original span covering a derived span: the end maps from the last character, so a ligature
    /// expanded to two characters maps back to the one character it came from.
    /// </summary>
    public TextSpan ToOriginal(TextSpan span)
    {
        int start = ToOriginal(span.Start);
        if (span.IsEmpty)
        {
            return new TextSpan(start, 0);
        }

        int lastStart = ToOriginal(span.End - 1);
        int end = Math.Max(ToOriginalEnd(span.End - 1, lastStart), start);
        return TextSpan.FromBounds(start, end);
    }

    private int ToOriginalEnd(int lastDerived, int lastOriginal)
    {
        // The original character that produced derived position lastDerived ends where the next
        // derived position's original starts, unless several derived chars came from one original.
        int next = ToOriginal(lastDerived + 1);
        return next > lastOriginal ? next : lastOriginal + 1;
    }

    internal readonly record struct Breakpoint(int Derived, int Original);
}
