using System.Globalization;
using System.Text.RegularExpressions;

namespace Sitrep.Mentions.Dates;

internal enum TimeTokenKind : byte
{
    Word,
    Digits,
    Punctuation,

    /// <summary>A pattern match (<see cref="TimePatterns"/>): a numeric date, a clock time or a decade.</summary>
    Atom,
}

/// <summary>A token of the temporal grammar: a word, a run of digits, one punctuation character, or an atom.</summary>
internal readonly record struct TimeToken(int Start, int End, TimeTokenKind Kind, int WordId, int Number, bool Capitalized, TimeExpression? Atom)
{
    public int Length => End - Start;
}

/// <summary>
/// Splits text for the temporal grammar: letters and digits in runs, every other visible character alone,
/// pattern matches (dates, clocks) as single atoms. Works on any text; it does not need the segmentation stage.
/// </summary>
internal static class TimeTokenizer
{
    public static TimeToken[] Tokenize(string text, ITimeRules rules)
    {
        var tokens = new List<TimeToken>(text.Length / 5 + 4);
        TimeLexicon lexicon = rules.Lexicon;
        Span<char> buffer = stackalloc char[64];
        int position = 0;
        for (Match match = TimePatterns.Atom().Match(text); match.Success; match = match.NextMatch())
        {
            TimeExpression? atom = ParseAtom(match, rules);
            if (atom is null)
            {
                continue;
            }

            AddWords(text, position, match.Index, tokens, lexicon, buffer);
            tokens.Add(new TimeToken(match.Index, match.Index + match.Length, TimeTokenKind.Atom, -1, 0, false, atom));
            position = match.Index + match.Length;
        }

        AddWords(text, position, text.Length, tokens, lexicon, buffer);
        return [.. tokens];
    }

    private static void AddWords(string text, int from, int to, List<TimeToken> tokens, TimeLexicon lexicon, Span<char> buffer)
    {
        int i = from;
        while (i < to)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int start = i;
            TimeTokenKind kind;
            if (char.IsLetterOrDigit(c))
            {
                bool allDigits = true;
                while (i < to && char.IsLetterOrDigit(text[i]))
                {
                    allDigits &= char.IsAsciiDigit(text[i]);
                    i++;
                }

                kind = allDigits ? TimeTokenKind.Digits : TimeTokenKind.Word;
            }
            else
            {
                i++;
                kind = TimeTokenKind.Punctuation;
            }

            ReadOnlySpan<char> surface = text.AsSpan(start, i - start);
            int wordId = -1;
            if (surface.Length <= buffer.Length)
            {
                int n = TimeLexicon.Fold(surface, buffer);
                wordId = lexicon.WordId(buffer[..n]);
            }

            int number = 0;
            if (kind == TimeTokenKind.Digits && surface.Length <= 9)
            {
                number = int.Parse(surface, NumberStyles.None, CultureInfo.InvariantCulture);
            }

            tokens.Add(new TimeToken(start, i, kind, wordId, number, char.IsUpper(c), null));
        }
    }

    private static TimeExpression? ParseAtom(Match m, ITimeRules rules)
    {
        if (m.Groups["iso"].Success)
        {
            return ValidDate(Int(m, "iy"), Int(m, "im"), Int(m, "id"));
        }

        if (m.Groups["num"].Success)
        {
            int a = Int(m, "n1"), b = Int(m, "n2"), year = Int(m, "n3");
            if (m.Groups["n3"].Length == 2)
            {
                year += year < 50 ? 2000 : 1900;
            }

            (int day, int month) = rules.NumericDateOrder == NumericDateOrder.DayMonthYear ? (a, b) : (b, a);
            if (month > 12 && day <= 12)
            {
                (day, month) = (month, day);
            }

            return m.Groups["sep"].Value == "." && m.Groups["n3"].Length == 2 ? null : ValidDate(year, month, day);
        }

        if (m.Groups["ampm"].Success)
        {
            int hour = Int(m, "ah") % 12;
            if (m.Groups["ap"].Value is "p" or "P")
            {
                hour += 12;
            }

            return new TimeExpression { Type = TimexType.Time, Hour = hour, Minute = m.Groups["am"].Success ? Int(m, "am") : 0, FromPreviousDate = true };
        }

        if (m.Groups["clock"].Success)
        {
            int minute = m.Groups["cm"].Success ? Int(m, "cm") : m.Groups["cm2"].Success ? Int(m, "cm2") : 0;
            return new TimeExpression { Type = TimexType.Time, Hour = Int(m, "ch"), Minute = minute, FromPreviousDate = true };
        }

        if (m.Groups["hours"].Success)
        {
            return new TimeExpression { Type = TimexType.Time, Hour = Int(m, "hh"), Minute = m.Groups["hm"].Success ? Int(m, "hm") : 0, FromPreviousDate = true };
        }

        if (m.Groups["century"].Success)
        {
            int century = m.Groups["arabic"].Success ? Int(m, "arabic") : Roman(m.Groups["roman"].ValueSpan);
            return century is >= 1 and <= 21 ? new TimeExpression { Literal = (century - 1).ToString("00", CultureInfo.InvariantCulture) } : null;
        }

        if (m.Groups["decade"].Success)
        {
            int decade = m.Groups["ds"].Success ? 190 + Int(m, "ds") : (Int(m, "dc") * 10) + Int(m, "dd");
            return new TimeExpression { Decade = decade };
        }

        return null;
    }

    private static int Roman(ReadOnlySpan<char> numeral)
    {
        int total = 0;
        for (int k = 0; k < numeral.Length; k++)
        {
            int v = RomanDigit(numeral[k]);
            total += k + 1 < numeral.Length && RomanDigit(numeral[k + 1]) > v ? -v : v;
        }

        return total;

        static int RomanDigit(char c) => c switch { 'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, _ => 0 };
    }

    private static TimeExpression? ValidDate(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new TimeExpression { Year = year, Month = month, Day = day }
            : null;

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
}
