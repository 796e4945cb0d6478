namespace Sitrep.Tagging.Sequence;

/// <summary>
/// 64-bit feature keys built without strings: a template number mixed with hashes of the text it reads.
/// «suffix3=ait» is <c>Of(Template.Suffix3, Text("ait"))</c>; two 64-bit keys collide with probability
/// about n²/2⁶⁵, negligible for the few million features a model holds.
/// </summary>
public static class FeatureKey
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;
    private const ulong Golden = 0x9E3779B97F4A7C15;

    /// <summary>Hash of text as written.</summary>
    public static ulong Text(ReadOnlySpan<char> text)
    {
        ulong hash = FnvOffset;
        foreach (char c in text)
        {
            hash = (hash ^ c) * FnvPrime;
        }

        return Mix(hash);
    }

    /// <summary>Hash of the lower-case text (invariant culture), equal to <c>Text(text.ToLowerInvariant())</c>.</summary>
    public static ulong LowerText(ReadOnlySpan<char> text)
    {
        ulong hash = FnvOffset;
        foreach (char c in text)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * FnvPrime;
        }

        return Mix(hash);
    }

    public static ulong Of(int template, ulong value) => NonZero(Mix(value + ((ulong)template * Golden)));

    public static ulong Of(int template, ulong first, ulong second) => NonZero(Mix(Mix(first + ((ulong)template * Golden)) ^ second));

    public static ulong Of(int template, ulong first, ulong second, ulong third) =>
        NonZero(Mix(Mix(Mix(first + ((ulong)template * Golden)) ^ second) + third));

    /// <summary>Hash of a token sequence from the hashes of its tokens (order matters).</summary>
    public static ulong Sequence(ReadOnlySpan<ulong> tokens)
    {
        ulong hash = FnvOffset;
        foreach (ulong token in tokens)
        {
            hash = Mix(hash ^ token);
        }

        return hash;
    }

    /// <summary>splitmix64's finaliser: every input bit moves every output bit.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>Zero marks an empty slot in <see cref="LinearModel"/>'s table.</summary>
    private static ulong NonZero(ulong key) => key == 0 ? 1 : key;
}
