namespace Sitrep.Tagging.Lemmas;

/// <summary>
/// How a lower-cased word form becomes its lower-cased lemma: remove <see cref="Strip"/> characters from
/// the end, then append <see cref="Append"/>. «mangées» → «manger» is (3, "r"); «yeux» → «œil» is (4, "œil").
/// </summary>
public readonly record struct LemmaEditScript(int Strip, string Append)
{
    public static LemmaEditScript Identity { get; } = new(0, "");

    /// <summary>The shortest script turning <paramref name="form"/> into <paramref name="lemma"/> (both already lower-cased).</summary>
    public static LemmaEditScript Between(ReadOnlySpan<char> form, ReadOnlySpan<char> lemma)
    {
        int common = form.CommonPrefixLength(lemma);
        return new LemmaEditScript(form.Length - common, lemma[common..].ToString());
    }

    /// <summary>True when the script leaves a non-empty lemma for a form of <paramref name="length"/> characters.</summary>
    public bool AppliesTo(int length) => Strip < length || (Strip == length && Append.Length > 0);

    /// <summary>Length of the lemma this script makes from a form of <paramref name="length"/> characters.</summary>
    public int ResultLength(int length) => length - Strip + Append.Length;

    /// <summary>Writes the lemma of <paramref name="form"/> into <paramref name="destination"/> (of <see cref="ResultLength"/> chars).</summary>
    public void Apply(ReadOnlySpan<char> form, Span<char> destination)
    {
        int kept = form.Length - Strip;
        form[..kept].CopyTo(destination);
        Append.AsSpan().CopyTo(destination[kept..]);
    }
}
