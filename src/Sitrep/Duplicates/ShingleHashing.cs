namespace Sitrep.Duplicates;

/// <summary>
/// Words as near-duplicate detection sees them, and their hashes: runs of letters and digits, lower-cased, with
/// accents folded («Élysée» = «elysee»), so a copy retyped without accents or with other quotes, dashes and
/// spacing is the same text. Hashes are fixed functions (FNV-1a, SplitMix64's finaliser), never the runtime's
/// randomised string hash, so a signature stored today matches one computed by the next process.
/// </summary>
internal static class ShingleHashing
{
    private const ulong FnvOffset = 0xCBF29CE484222325UL;
    private const ulong FnvPrime = 0x100000001B3UL;

    /// <summary>Latin letters with diacritics (U+00C0–U+024F) to their base letter, lower-cased; 0 where there is none.</summary>
    private static readonly char[] Folded = BuildFoldTable();

    /// <summary>SplitMix64's finaliser: every input bit changes about half the output bits.</summary>
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }

    /// <summary>Appends the hash of each normalised word of <paramref name="text"/> to <paramref name="words"/>.</summary>
    public static void WordHashes(ReadOnlySpan<char> text, List<ulong> words)
    {
        ulong hash = FnvOffset;
        bool inWord = false;
        foreach (char c in text)
        {
            char folded = Fold(c);
            if (folded != '\0')
            {
                hash = (hash ^ folded) * FnvPrime;
                inWord = true;
            }
            else if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                // A combining accent written apart (e + U+0301) folds away like a precomposed one.
                continue;
            }
            else if (inWord)
            {
                words.Add(Mix(hash));
                hash = FnvOffset;
                inWord = false;
            }
        }

        if (inWord)
        {
            words.Add(Mix(hash));
        }
    }

    /// <summary>The folded lower-case form of a letter or digit, or '\0' for anything else.</summary>
    private static char Fold(char c)
    {
        if (c < 0x80)
        {
            return c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c
                : c is >= 'A' and <= 'Z' ? (char)(c + 32)
                : '\0';
        }

        if (c is >= '\u00C0' and <= '\u024F' && Folded[c - 0xC0] != '\0')
        {
            return Folded[c - 0xC0];
        }

        return char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '\0';
    }

    private static char[] BuildFoldTable()
    {
        char[] table = new char[0x250 - 0xC0];
        for (int i = 0; i < table.Length; i++)
        {
            char c = (char)(0xC0 + i);
            if (!char.IsLetter(c))
            {
                continue;
            }

            string decomposed = c.ToString().Normalize(System.Text.NormalizationForm.FormD);
            char letter = decomposed[0];
            table[i] = char.ToLowerInvariant(letter);
        }

        return table;
    }
}
