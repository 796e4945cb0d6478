namespace Sitrep.Tagging.Clusters;

/// <summary>
/// A word's place in the Brown cluster hierarchy: the path of left (0) and right (1) turns from the root.
/// <see cref="Bits"/> holds the path in its <see cref="Length"/> low bits, the first turn the most
/// significant of them, so the path «0110» is <c>Bits = 0b0110, Length = 4</c>. Paths longer than
/// <see cref="MaxLength"/> are cut to their first <see cref="MaxLength"/> turns.
/// </summary>
public readonly record struct BrownPath(ulong Bits, int Length)
{
    /// <summary>The longest path kept: one bit below 64 so that <see cref="Key"/> can mark the length.</summary>
    public const int MaxLength = 63;

    /// <summary>The first <paramref name="n"/> turns (the whole path when it is shorter): the coarser cluster.</summary>
    public BrownPath Prefix(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return n >= Length ? this : new BrownPath(n == 0 ? 0 : Bits >> (Length - n), n);
    }

    /// <summary>
    /// A stable 64-bit value for feature hashing: «01» and «001» differ, the same path always gives the same
    /// value (a marker bit above the path, then the SplitMix64 finaliser, a bijection, to spread the bits).
    /// </summary>
    public ulong Key
    {
        get
        {
            ulong z = (1UL << Length) | Bits;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Reads a path written as 0s and 1s («0110»).</summary>
    public static BrownPath Parse(ReadOnlySpan<char> text)
    {
        int length = Math.Min(text.Length, MaxLength);
        ulong bits = 0;
        for (int i = 0; i < length; i++)
        {
            bits = text[i] switch
            {
                '0' => bits << 1,
                '1' => (bits << 1) | 1,
                _ => throw new FormatException($"a Brown path is made of 0 and 1: '{text}'"),
            };
        }

        return new BrownPath(bits, length);
    }

    /// <summary>The path as 0s and 1s, root first.</summary>
    public override string ToString() => Length == 0
        ? ""
        : Convert.ToString((long)Bits, 2).PadLeft(Length, '0');
}
