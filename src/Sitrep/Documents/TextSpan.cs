namespace Sitrep.Documents;

/// <summary>
/// A half-open range of UTF-16 code units, <c>[Start, End)</c>. The only span type in Sitrep: tokens,
/// sentences, mentions and event arguments all carry one.
/// </summary>
public readonly record struct TextSpan
{
    public TextSpan(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Start = start;
        Length = length;
    }

    public int Start { get; }

    public int Length { get; }

    /// <summary>Exclusive end.</summary>
    public int End => Start + Length;

    public bool IsEmpty => Length == 0;

    public static TextSpan FromBounds(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        return new TextSpan(start, end - start);
    }

    public bool Contains(int position) => position >= Start && position < End;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <summary>True when the two spans share at least one character (touching spans do not overlap).</summary>
    public bool Overlaps(TextSpan other) => Math.Max(Start, other.Start) < Math.Min(End, other.End);

    public override string ToString() => $"[{Start}..{End})";
}
