using System.Text;

namespace Sitrep.Documents.LanguageIdentification;

/// <summary>
/// Splits text into lower-cased words (runs of letters) the way both the trainer and the identifier see
/// them: apostrophes, hyphens, digits and punctuation separate words («l'armée» → «l», «armée»), combining
/// marks are skipped, and a word keeps at most <see cref="NgramFeatures.MaxWordChars"/> letters so that
/// hostile input (a megabyte of one letter) costs no more than a long word.
/// </summary>
internal ref struct WordReader
{
    private readonly ReadOnlySpan<char> _text;
    private readonly Span<char> _buffer;
    private int _position;

    /// <param name="text">The text to read.</param>
    /// <param name="buffer">Scratch space of at least <see cref="NgramFeatures.MaxWordChars"/> chars.</param>
    public WordReader(ReadOnlySpan<char> text, Span<char> buffer)
    {
        _text = text;
        _buffer = buffer[..NgramFeatures.MaxWordChars];
        _position = 0;
        Length = 0;
        Script = WritingScript.None;
        LatinLetters = CyrillicLetters = OtherLetters = 0;
    }

    /// <summary>Chars of the current word kept in <see cref="Current"/> (the word may have been longer).</summary>
    public int Length { get; private set; }

    /// <summary>The script of every letter of the current word, or <see cref="WritingScript.None"/> when they differ.</summary>
    public WritingScript Script { get; private set; }

    /// <summary>True when the word starts with an upper-case letter (a name, a sentence start, a German noun).</summary>
    public bool IsCapitalized { get; private set; }

    public int LatinLetters { get; private set; }

    public int CyrillicLetters { get; private set; }

    public int OtherLetters { get; private set; }

    public readonly ReadOnlySpan<char> Current => _buffer[..Length];

    public bool MoveNext()
    {
        ReadOnlySpan<char> text = _text;
        int i = _position;
        while (i < text.Length && !StartsWord(text, i))
        {
            i++;
        }

        if (i >= text.Length)
        {
            _position = i;
            return false;
        }

        int length = 0, latin = 0, cyrillic = 0, other = 0;
        IsCapitalized = char.IsUpper(text[i]);
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsLetter(c))
            {
                switch (NgramFeatures.ScriptOf(c))
                {
                    case WritingScript.Latin:
                        latin++;
                        break;
                    case WritingScript.Cyrillic:
                        cyrillic++;
                        break;
                    default:
                        other++;
                        break;
                }

                if (length < _buffer.Length)
                {
                    _buffer[length++] = char.ToLowerInvariant(c);
                }

                i++;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                && Rune.IsLetter(new Rune(c, text[i + 1])))
            {
                // A letter outside the Basic Multilingual Plane (rare Han characters, historic scripts):
                // counted for the script decision, never part of an n-gram.
                other++;
                i += 2;
            }
            else if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                i++;
            }
            else
            {
                break;
            }
        }

        _position = i;
        Length = length;
        LatinLetters = latin;
        CyrillicLetters = cyrillic;
        OtherLetters = other;
        Script = latin > 0 && cyrillic == 0 && other == 0 ? WritingScript.Latin
            : cyrillic > 0 && latin == 0 && other == 0 ? WritingScript.Cyrillic
            : other > 0 && latin == 0 && cyrillic == 0 ? WritingScript.Other
            : WritingScript.None;
        return true;
    }

    private static bool StartsWord(ReadOnlySpan<char> text, int i)
    {
        char c = text[i];
        return char.IsLetter(c)
            || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && Rune.IsLetter(new Rune(c, text[i + 1])));
    }
}
