namespace Sitrep.Tagging.Lemmas;

/// <summary>The letter case of a word form, as far as lemma case depends on it.</summary>
public enum LemmaShape : byte
{
    /// <summary>No letter at all: numbers, punctuation, symbols («2022», «%», «--»).</summary>
    NoLetters = 0,

    /// <summary>Only lower-case letters («maison»).</summary>
    Lower = 1,

    /// <summary>An upper-case first letter, the others lower-case («Maison», «Paris»).</summary>
    Title = 2,

    /// <summary>One to four letters, all upper-case: mostly acronyms («ONU», «ESB», «TV»).</summary>
    ShortUpper = 3,

    /// <summary>Five letters or more, all upper-case: mostly headlines and shouting («NECESSAIRE», «KENNEDY»).</summary>
    LongUpper = 4,

    /// <summary>Any other mixture («iPhone», «McDonald»).</summary>
    Mixed = 5,
}

/// <summary>How the case of a lemma follows from its form, chosen per (UPOS, shape) from the training data.</summary>
public enum LemmaCase : byte
{
    /// <summary>All lower-case: «Cette» (DET) → «ce».</summary>
    Lower = 0,

    /// <summary>The form's own case on the letters kept, the rest lower-case: «Gutenberg» → «Gutenberg», «ESB» → «ESB».</summary>
    Form = 1,

    /// <summary>First letter upper-case: English PROPN «KENNEDY» → «Kennedy», «delhi» → «Delhi».</summary>
    Title = 2,

    /// <summary>All upper-case.</summary>
    Upper = 3,
}

/// <summary>Shapes and case modes of lemmas; culture-invariant, one UTF-16 unit for one.</summary>
public static class LemmaCasing
{
    public const int ShapeCount = 6;

    public const int CaseCount = 4;

    public static LemmaShape ShapeOf(ReadOnlySpan<char> form)
    {
        int letters = 0, upper = 0;
        bool firstUpper = false;
        foreach (char c in form)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            bool isUpper = char.IsUpper(c);
            if (letters == 0)
            {
                firstUpper = isUpper;
            }

            letters++;
            upper += isUpper ? 1 : 0;
        }

        return letters == 0 ? LemmaShape.NoLetters
            : upper == 0 ? LemmaShape.Lower
            : upper == letters ? (letters <= 4 ? LemmaShape.ShortUpper : LemmaShape.LongUpper)
            : upper == 1 && firstUpper ? LemmaShape.Title
            : LemmaShape.Mixed;
    }

    /// <summary>Writes <paramref name="lemma"/> (lower-case) into <paramref name="destination"/> in the case <paramref name="mode"/> asks for.</summary>
    public static void Apply(LemmaCase mode, ReadOnlySpan<char> form, LemmaShape shape, ReadOnlySpan<char> lemma, Span<char> destination)
    {
        lemma.CopyTo(destination);
        Span<char> result = destination[..lemma.Length];
        switch (mode)
        {
            case LemmaCase.Upper:
                lemma.ToUpperInvariant(result);
                break;
            case LemmaCase.Title:
                for (int i = 0; i < result.Length; i++)
                {
                    if (char.IsLetter(result[i]))
                    {
                        result[i] = char.ToUpperInvariant(result[i]);
                        break;
                    }
                }

                break;
            case LemmaCase.Form:
                bool upperRest = shape is LemmaShape.ShortUpper or LemmaShape.LongUpper;
                for (int i = 0; i < result.Length; i++)
                {
                    char f = i < form.Length ? form[i] : '\0';
                    if (i < form.Length && char.ToLowerInvariant(f) == result[i])
                    {
                        result[i] = f;
                    }
                    else if (upperRest)
                    {
                        result[i] = char.ToUpperInvariant(result[i]);
                    }
                }

                break;
            default:
                break;
        }
    }

    public static string Apply(LemmaCase mode, ReadOnlySpan<char> form, ReadOnlySpan<char> lemma)
    {
        Span<char> buffer = lemma.Length <= 256 ? stackalloc char[lemma.Length] : new char[lemma.Length];
        Apply(mode, form, ShapeOf(form), lemma, buffer);
        return buffer.ToString();
    }
}
