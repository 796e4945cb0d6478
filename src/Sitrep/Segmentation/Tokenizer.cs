using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;

namespace Sitrep.Segmentation;

/// <summary>
/// Rule-based tokenizer following the Universal Dependencies conventions of each language: one scan over
/// the text, words joined across internal punctuation («U.S.», «1,5», «13/05/2022», «kent@ae.com»), then
/// split by the language's rules (elision, clitics, contractions, hyphens, units). Thread-safe: all state
/// is local to a call.
/// </summary>
internal sealed class Tokenizer(SegmentationRules rules)
{
    // Whitespace the normaliser would have mapped to a space or a line feed; listed so that raw text works too.
    private static readonly SearchValues<char> Whitespace = SearchValues.Create(
        " \t\n\r\f\v\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    private readonly SegmentationOptions _options = rules.Options;

    [Flags]
    private enum Shape
    {
        None = 0,
        Letter = 1,
        Digit = 2,
        Hyphen = 4,
        Apostrophe = 8,
        Period = 16,
        At = 32,
        Joiner = 64,
        Url = 128,
    }

    public void Tokenize(string text, TokenBuffer tokens)
    {
        int i = 0;
        while (true)
        {
            while (i < text.Length && IsWhitespace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            i = IsWordChar(text[i]) ? Word(text, i, -1, tokens) : Punctuation(text, i, tokens);
        }
    }

    internal static bool IsWhitespace(char c) => c <= ' ' ? c is ' ' or '\n' or '\t' or '\r' or '\f' or '\v' : c >= 128 && Whitespace.Contains(c);

    /// <summary>A letter, digit or combining mark. ASCII and Latin-1 (é, ç, ²) take fast paths; the rest needs the Unicode category.</summary>
    internal static bool IsWordChar(char c) => c switch
    {
        < (char)128 => char.IsAsciiLetterOrDigit(c),
        < (char)256 => char.IsLetterOrDigit(c) || c is '²' or '³' or '¹' or '¼' or '½' or '¾',
        _ => IsNonAsciiWordChar(c),
    };

    private static bool IsNonAsciiWordChar(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };

    private static bool IsLetter(char c) => c < 128 ? char.IsAsciiLetter(c) : char.IsLetter(c);

    private static bool IsDigit(char c) => char.IsAsciiDigit(c);

    private static char At(string text, int i) => (uint)i < (uint)text.Length ? text[i] : '\0';

    /// <summary>A word, number, URL or e-mail address starting at <paramref name="i"/>, split as the rules say.</summary>
    private int Word(string text, int i, int signStart, TokenBuffer tokens)
    {
        int end = ScanWord(text, i, out Shape shape);
        int start = signStart >= 0 ? signStart : i;
        if ((shape & Shape.Url) != 0)
        {
            tokens.Add(start, end, TokenKind.Url);
            return end;
        }

        if ((shape & Shape.At) != 0 && IsEmail(text.AsSpan(start, end - start)))
        {
            tokens.Add(start, end, TokenKind.Email);
            return end;
        }

        if (shape == Shape.Digit && _options.GroupDigitsWithSpaces && end - i <= 3)
        {
            end = ExtendDigitGroups(text, end);
        }

        int core = start;
        if ((shape & Shape.Apostrophe) != 0 && rules.Elisions.Count > 0)
        {
            core = SplitElisions(text, start, end, tokens);
            if (core == end)
            {
                return end;
            }
        }

        if (At(text, end) == '.' && AttachPeriod(text, core, end))
        {
            tokens.Add(core, end + 1, TokenKind.Word);
            return end + 1;
        }

        Core(text, core, end, shape, tokens);
        return end;
    }

    /// <summary>
    /// The end of the word starting at <paramref name="i"/>: letters and digits, joined across a hyphen,
    /// an apostrophe or a period between two of them, a comma, colon or slash between two digits
    /// («1,5», «08:02», «13/05/2022»), an @ or _ inside (addresses, file names). A scheme or «www.» makes it a URL.
    /// </summary>
    private int ScanWord(string text, int i, out Shape shape)
    {
        shape = Shape.None;
        if (IsUrlStart(text, i, out int urlEnd))
        {
            shape = Shape.Url;
            return urlEnd;
        }

        int n = text.Length;
        int j = i;
        int segment = i;
        while (true)
        {
            while (j < n && IsWordChar(text[j]))
            {
                shape |= IsDigit(text[j]) ? Shape.Digit : Shape.Letter;
                j++;
            }

            if (j >= n)
            {
                return j;
            }

            char c = text[j];
            char next = At(text, j + 1);
            char prev = text[j - 1];
            switch (c)
            {
                case '-' when IsWordChar(next):
                    shape |= Shape.Hyphen;
                    break;
                case '\'' when IsLetter(next):
                    shape |= Shape.Apostrophe;
                    break;
                case '\'' when segment == i && rules.Elisions.Contains(text.AsSpan(i, j - i)):
                    // An elided word standing before a space or a quote: «jusqu' à», «l'«».
                    shape |= Shape.Apostrophe;
                    return j + 1;
                case '.' when IsWordChar(next):
                    shape |= Shape.Period;
                    break;
                case '.' when next == '-' && j - segment == 1 && IsLetter(At(text, j + 2)):
                    // Hyphenated initials: «J.-C.», «J.-P. Raffarin».
                    shape |= Shape.Period | Shape.Hyphen;
                    j++;
                    break;
                case ',' when IsDigit(prev) && IsDigit(next) && !IsReferenceList(text, i, j):
                    // «1,5», «5,000», but a list of references in brackets is several numbers: «[13,14]».
                case ':' or '/' when IsDigit(prev) && IsDigit(next):
                    shape |= Shape.Joiner;
                    break;
                case '&' when char.IsUpper(prev) && char.IsUpper(next) && j - segment <= 3:
                    // Initialisms joined by an ampersand: «AT&T», «R&D», «S&P».
                    shape |= Shape.Joiner;
                    break;
                case '$' when j - i <= 3 && (shape & Shape.Digit) == 0 && IsAllUpper(text.AsSpan(i, j - i)):
                    return j + 1; // a currency written with its country: «US$», «C$», «HK$»
                case '/' when j - i <= 3:
                    // Slash abbreviations from the word list: «b/c», «w/».
                    int k = j + 1;
                    while (k < n && IsLetter(text[k]))
                    {
                        k++;
                    }

                    if (!rules.WholeWords.Contains(text.AsSpan(i, k - i)))
                    {
                        return j;
                    }

                    shape |= Shape.Joiner;
                    j = k;
                    segment = k;
                    continue;
                case '.' when next == '.' && ElidedAddressEnd(text, j) is int afterDots and > 0:
                    // An address with its user name cut short by a newsgroup archive: «franz371...@gmail.com».
                    shape |= Shape.Period;
                    j = afterDots;
                    segment = j;
                    continue;
                case '°' when j - i == 1 && prev is 'n' or 'N':
                    return j + 1; // «n°»
                case '(' when (shape & Shape.Letter) != 0 && IsLetter(prev) && PluralMarkEnd(text, j) is int markEnd and > 0:
                    // Optional ending in parentheses: «AUTRE(S)», «friend(s)», «étudiant(e)s».
                    j = markEnd;
                    segment = j;
                    continue;
                case '@' when IsWordChar(next):
                    shape |= Shape.At;
                    break;
                case '_' when IsWordChar(next) || next == '_':
                    shape |= Shape.Joiner;
                    break;
                default:
                    return j;
            }

            j++;
            segment = j;
        }
    }

    /// <summary>«[13,14]», «[18,19,20]»: numbers in brackets separated by commas alone, not «[3,2 %]».</summary>
    private static bool IsReferenceList(string text, int start, int comma)
    {
        if (At(text, start - 1) != '[')
        {
            return false;
        }

        int k = comma + 1;
        while (IsDigit(At(text, k)))
        {
            k++;
        }

        return At(text, k) is ']' or ',';
    }

    private static bool IsAllUpper(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>After «...» inside a word: the position of the «@» that follows the dots, or -1.</summary>
    private static int ElidedAddressEnd(string text, int dots)
    {
        int k = dots;
        while (k < text.Length && text[k] == '.')
        {
            k++;
        }

        return k - dots <= 3 && At(text, k) == '@' && IsWordChar(At(text, k + 1)) ? k : -1;
    }

    /// <summary>«(s)», «(e)», «(II)» right after a word: the end of the parenthesis, or -1.</summary>
    private static int PluralMarkEnd(string text, int open)
    {
        int k = open + 1;
        while (k < text.Length && k - open <= 3 && IsLetter(text[k]))
        {
            k++;
        }

        return k > open + 1 && At(text, k) == ')' && !IsDigit(At(text, k + 1)) ? k + 1 : -1;
    }

    private static bool IsUrlStart(string text, int i, out int end)
    {
        end = i;
        ReadOnlySpan<char> rest = text.AsSpan(i);
        int schemeEnd = 0;
        while (schemeEnd < rest.Length && schemeEnd < 10 && char.IsAsciiLetter(rest[schemeEnd]))
        {
            schemeEnd++;
        }

        bool url = (schemeEnd >= 3 && rest[schemeEnd..].StartsWith("://", StringComparison.Ordinal))
            || (rest.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && rest.Length > 7 && IsWordChar(rest[7]))
            || (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 4 && IsWordChar(rest[4]));
        if (!url)
        {
            return false;
        }

        int length = rest.IndexOfAny(Whitespace);
        if (length < 0)
        {
            length = rest.Length;
        }

        // Trailing punctuation belongs to the sentence, except a parenthesis the URL opened («…/Paris_(France)»).
        while (length > 0)
        {
            char last = rest[length - 1];
            if (last == ')' && rest[..length].Count('(') >= rest[..length].Count(')'))
            {
                break;
            }

            if (last is not ('.' or ',' or ';' or ':' or '!' or '?' or '"' or '\'' or ')' or ']' or '}' or '»' or '”' or '>'))
            {
                break;
            }

            length--;
        }

        end = i + length;
        return length > schemeEnd;
    }

    private static bool IsEmail(ReadOnlySpan<char> word)
    {
        int at = word.IndexOf('@');
        return at > 0 && word[(at + 1)..].IndexOf('.') > 0 && word.LastIndexOf('@') == at;
    }

    /// <summary>«10 000», «1 250 000,5»: groups of exactly three digits after a space continue the number.</summary>
    private static int ExtendDigitGroups(string text, int end)
    {
        int n = text.Length;
        int extended = end;
        while (extended + 3 < n && text[extended] == ' ' && IsDigit(text[extended + 1]) && IsDigit(text[extended + 2])
            && IsDigit(text[extended + 3]) && (extended + 4 == n || !IsWordChar(text[extended + 4])))
        {
            extended += 4;
        }

        if (extended > end && At(text, extended) == ',' && IsDigit(At(text, extended + 1)))
        {
            extended++;
            while (extended < n && IsDigit(text[extended]))
            {
                extended++;
            }
        }

        return extended;
    }

    /// <summary>Emits the elided words at the start of the word («l'», «qu'», «d'» in «qu'aujourd'hui»); returns where the rest starts.</summary>
    private int SplitElisions(string text, int start, int end, TokenBuffer tokens)
    {
        int core = start;
        while (core < end && !rules.WholeWords.Contains(text.AsSpan(core, end - core)))
        {
            int apostrophe = text.AsSpan(core, end - core).IndexOf('\'');
            if (apostrophe <= 0 || !rules.Elisions.Contains(text.AsSpan(core, apostrophe)))
            {
                break;
            }

            tokens.Add(core, core + apostrophe + 1, TokenKind.Word);
            core += apostrophe + 1;
        }

        return core;
    }

    /// <summary>
    /// Whether the period after [start, end) belongs to the word: an abbreviation from the list («etc.», «M.»),
    /// initials with periods («U.S.», «J.-C.», «a.m.»), or a capital initial («J. R. R. Tolkien», «E. coli»).
    /// </summary>
    private bool AttachPeriod(string text, int start, int end)
    {
        // «Inc..»: the abbreviation's period, then a full stop; three periods or more are an ellipsis.
        if (At(text, end + 1) == '.' && (At(text, end + 2) == '.' || !IsAbbreviation(text, start, end)))
        {
            return false;
        }

        // An abbreviation that ends the sentence gives its period to the sentence, as UD English-EWT and
        // French-Sequoia write it: «… des avions, etc» «.» «Le lendemain», «in the U.S» «.» (paragraph end).
        switch (rules.AbbreviationKindOf(text.AsSpan(start, end + 1 - start)))
        {
            case AbbreviationKind.Title:
                return SkipSpaces(text, end + 1) < text.Length; // unless the paragraph ends there
            case AbbreviationKind.General:
                return !StartsSentence(text, end + 1, anyCapital: false);
            case AbbreviationKind.Final:
                return !StartsSentence(text, end + 1, anyCapital: true);
            case AbbreviationKind.BeforeNumber:
                return IsNumberStart(text, SkipSpaces(text, end + 1));
        }

        if (At(text, end + 1) is ',' or ';')
        {
            return true; // «fin.,» does not occur in edited text: a period before a comma is an abbreviation's
        }

        if (IsInitialism(text.AsSpan(start, end - start)))
        {
            return !StartsSentence(text, end + 1, anyCapital: false);
        }

        if (end - start == 1 && char.IsUpper(text[start]))
        {
            return IsInitial(text, end + 1);
        }

        return IsListNumber(text, start, end);
    }

    /// <summary>A number in digits or in capital Roman numerals: «p. 12», «Vol. XVII».</summary>
    private static bool IsNumberStart(string text, int i)
    {
        if (IsDigit(At(text, i)))
        {
            return true;
        }

        int k = i;
        while (At(text, k) is 'I' or 'V' or 'X' or 'L' or 'C' or 'D' or 'M')
        {
            k++;
        }

        return k > i && !IsLetter(At(text, k));
    }

    /// <summary>
    /// Whether a new sentence starts after the period at <paramref name="afterPeriod"/> - 1: the text or the
    /// paragraph ends, or a capitalised word follows that usually starts a sentence («The», «Le»), or for
    /// <paramref name="anyCapital"/> (after «etc.») any capitalised word.
    /// </summary>
    private bool StartsSentence(string text, int afterPeriod, bool anyCapital)
    {
        int k = SkipSpaces(text, afterPeriod);
        if (k >= text.Length)
        {
            return true;
        }

        if (k == afterPeriod || !char.IsUpper(text[k]))
        {
            return false;
        }

        if (anyCapital)
        {
            return true;
        }

        int wordEnd = k;
        while (wordEnd < text.Length && IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        if (At(text, wordEnd) == '\'')
        {
            wordEnd++; // «L'», «C'»
        }

        return rules.SentenceStarters.Contains(text.AsSpan(k, wordEnd - k));
    }

    /// <summary>
    /// «1.», «2.1.» opening a line before a space: the number of a list item or a section heading. Parts of
    /// one or two digits only, so that a year a hard-wrapped line happens to start with («en\n2003. Les») is not one.
    /// </summary>
    private static bool IsListNumber(string text, int start, int end)
    {
        if (!IsDigit(text[start]) || end - start > 8 || At(text, end + 1) != ' ' || (start > 0 && text[start - 1] != '\n'))
        {
            return false;
        }

        int digits = 0;
        for (int k = start; k < end; k++)
        {
            digits = IsDigit(text[k]) ? digits + 1 : text[k] == '.' ? 0 : 3;
            if (digits > 2)
            {
                return false;
            }
        }

        return true;
    }

    private bool IsAbbreviation(string text, int start, int end) =>
        rules.AbbreviationKindOf(text.AsSpan(start, end + 1 - start)) is not (AbbreviationKind.None or AbbreviationKind.BeforeNumber)
        || IsInitialism(text.AsSpan(start, end - start));

    /// <summary>
    /// A capital letter and a period are an initial unless the text ends there or a word that usually
    /// starts a sentence follows: «J. Chirac», «E. coli», «article L. 642», but not «le plan B. Il …».
    /// </summary>
    private bool IsInitial(string text, int afterPeriod)
    {
        int k = SkipSpaces(text, afterPeriod);
        if (k >= text.Length || k == afterPeriod || !IsWordChar(text[k]))
        {
            return false;
        }

        int wordEnd = k;
        while (wordEnd < text.Length && IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        if (wordEnd - k == 1 && At(text, wordEnd) is '.' or '-')
        {
            return true; // another initial
        }

        return !rules.SentenceStarters.Contains(text.AsSpan(k, wordEnd - k));
    }

    /// <summary>Single letters separated by periods (and hyphens): «U.S», «a.m», «J.-C», «R.E.M».</summary>
    private static bool IsInitialism(ReadOnlySpan<char> word)
    {
        if (word.Length < 3)
        {
            return false;
        }

        int letters = 0;
        for (int k = 0; k < word.Length; k++)
        {
            if (!IsLetter(word[k]) || (k + 1 < word.Length && word[k + 1] != '.'))
            {
                return false;
            }

            letters++;
            k++;
            if (k + 1 < word.Length && word[k + 1] == '-')
            {
                k++;
            }
        }

        return letters >= 2;
    }

    /// <summary>Skips spaces, tabs and one line break (hard-wrapped text), but not a blank line: a period before a paragraph break ends the sentence.</summary>
    private static int SkipSpaces(string text, int i)
    {
        bool newline = false;
        while (i < text.Length && (text[i] is ' ' or '\t' || (text[i] == '\n' && !newline)))
        {
            newline |= text[i] == '\n';
            i++;
        }

        return i < text.Length && text[i] == '\n' ? text.Length : i;
    }

    /// <summary>The word after elisions: split off clitic pronouns and contractions at its end, then its middle.</summary>
    private void Core(string text, int start, int end, Shape shape, TokenBuffer tokens)
    {
        if ((shape & (Shape.Hyphen | Shape.Apostrophe)) == 0)
        {
            Middle(text, start, end, shape, tokens);
            return;
        }

        if (rules.WholeWords.Contains(text.AsSpan(start, end - start)))
        {
            tokens.Add(start, end, TokenKind.Word);
            return;
        }

        // Cuts found from the end leftwards: «donne-le-moi» → cuts before «-moi», then before «-le».
        Span<int> cuts = stackalloc int[4];
        int count = 0;
        int hostEnd = end;
        if ((shape & Shape.Hyphen) != 0 && rules.HyphenClitics.Count > 0)
        {
            while (count < 3 && !rules.WholeWords.Contains(text.AsSpan(start, hostEnd - start)))
            {
                int cut = CliticCut(text, start, hostEnd);
                if (cut < 0)
                {
                    break;
                }

                cuts[count++] = cut;
                hostEnd = cut;
            }
        }

        if ((shape & Shape.Apostrophe) != 0 && rules.ContractionSuffixes.Count > 0)
        {
            int apostrophe = text.AsSpan(start, hostEnd - start).LastIndexOf('\'');
            if (apostrophe > 0 && IsLetter(text[start + apostrophe - 1]))
            {
                int a = start + apostrophe;
                if (rules.ContractionSuffixes.Contains(text.AsSpan(a, hostEnd - a)) && !IsApostrophePlural(text, a, hostEnd, end))
                {
                    cuts[count++] = a;
                    hostEnd = a;
                }
                else if (a - 1 > start && rules.ContractionSuffixes.Contains(text.AsSpan(a - 1, hostEnd - a + 1)))
                {
                    cuts[count++] = a - 1; // «n't»: «do|n't», «ca|n't»
                    hostEnd = a - 1;
                }
            }
        }

        Middle(text, start, hostEnd, shape, tokens);
        for (int k = count - 1; k >= 0; k--)
        {
            tokens.Add(cuts[k], k == 0 ? end : cuts[k - 1], TokenKind.Word);
        }
    }

    /// <summary>«DM's are welcome»: an «'s» at the end of the word before a verb that neither a possessive nor «is» can precede.</summary>
    private bool IsApostrophePlural(string text, int apostrophe, int hostEnd, int end)
    {
        if (hostEnd != end || end - apostrophe != 2 || text[apostrophe + 1] is not ('s' or 'S') || rules.PluralFollowers.Count == 0)
        {
            return false;
        }

        int nextEnd = NextWordEnd(text, end, out int nextStart);
        return rules.PluralFollowers.Contains(text.AsSpan(nextStart, nextEnd - nextStart));
    }

    /// <summary>Where a clitic at the end of [start, end) begins («-il», «-t-il»), or -1.</summary>
    private int CliticCut(string text, int start, int end)
    {
        ReadOnlySpan<char> word = text.AsSpan(start, end - start);
        int hyphen = word.LastIndexOf('-');
        if (hyphen <= 0 || hyphen == word.Length - 1 || !IsLetter(word[hyphen - 1]))
        {
            return -1;
        }

        int before = word[..hyphen].LastIndexOf('-');
        if (before > 0 && rules.HyphenClitics.Contains(word[(before + 1)..]))
        {
            return start + before; // «-t-il»
        }

        return rules.HyphenClitics.Contains(word[(hyphen + 1)..]) ? start + hyphen : -1;
    }

    /// <summary>A word without its clitics: listed contractions («cannot» → «can» «not»), hyphens, units.</summary>
    private void Middle(string text, int start, int end, Shape shape, TokenBuffer tokens)
    {
        if (start >= end)
        {
            return;
        }

        ImmutableArray<int> pieces = rules.ContractionPieces(text.AsSpan(start, end - start));
        if (pieces.IsDefault && shape == Shape.Letter && rules.IsContextualContraction(text.AsSpan(start, end - start)))
        {
            int nextEnd = NextWordEnd(text, end, out int nextStart);
            int afterEnd = NextWordEnd(text, nextEnd, out int afterStart);
            pieces = rules.ContextualContractionPieces(
                text.AsSpan(start, end - start), text.AsSpan(nextStart, nextEnd - nextStart), text.AsSpan(afterStart, afterEnd - afterStart));
        }

        if (!pieces.IsDefault)
        {
            int at = start;
            foreach (int length in pieces)
            {
                tokens.Add(at, at + length, TokenKind.Word);
                at += length;
            }

            return;
        }

        if (_options.SplitHyphenatedWords && (shape & Shape.Hyphen) != 0 && (shape & (Shape.Period | Shape.At)) == 0
            && !IsDayMonthYear(text.AsSpan(start, end - start)))
        {
            int pieceStart = start;
            int segmentStart = start;
            for (int h = start + 1; h < end - 1; h++)
            {
                if (text[h] != '-')
                {
                    continue;
                }

                bool keep = rules.HyphenPrefixes.Contains(text.AsSpan(segmentStart, h - segmentStart))
                    || (IsDigit(text[h - 1]) && IsDigit(text[h + 1]) && !IsNumberRange(text, start, end, h));
                segmentStart = h + 1;
                if (!keep)
                {
                    Piece(text, pieceStart, h, tokens);
                    tokens.Add(h, h + 1, TokenKind.Punctuation);
                    pieceStart = h + 1;
                }
            }

            Piece(text, pieceStart, end, tokens);
            return;
        }

        Piece(text, start, end, tokens);
    }

    /// <summary>A date written day-month-year with the month in letters: «01-Feb-02», «7-Mar-2004».</summary>
    private static bool IsDayMonthYear(ReadOnlySpan<char> word)
    {
        int first = word.IndexOf('-');
        int second = word.LastIndexOf('-');
        if (first is < 1 or > 2 || second - first != 4 || word.Length - second - 1 is not (2 or 4))
        {
            return false;
        }

        return !word[..first].ContainsAnyExceptInRange('0', '9') && !word[(second + 1)..].ContainsAnyExceptInRange('0', '9')
            && char.IsAsciiLetterUpper(word[first + 1]) && char.IsAsciiLetterLower(word[first + 2]) && char.IsAsciiLetterLower(word[first + 3]);
    }

    /// <summary>The end of the word of letters after the spaces at <paramref name="i"/> on the same line (empty when none follows).</summary>
    private static int NextWordEnd(string text, int i, out int wordStart)
    {
        int k = i;
        while (k < text.Length && text[k] is ' ' or '\t')
        {
            k++;
        }

        wordStart = k;
        if (k == i)
        {
            return k;
        }

        while (k < text.Length && IsLetter(text[k]))
        {
            k++;
        }

        return k;
    }

    /// <summary>
    /// Whether the hyphen at <paramref name="hyphen"/> joins two numbers of a range («13-17», «1998-2001») rather
    /// than the parts of an identifier: a phone number («853-3242», «3-5213»), a ZIP+4 code («16802-6601»),
    /// a chain («2005-03-09»), a part with a leading zero («36-01»).
    /// </summary>
    private bool IsNumberRange(string text, int start, int end, int hyphen)
    {
        if (!_options.SplitNumberRanges)
        {
            return false;
        }

        int left = hyphen;
        while (left > start && IsDigit(text[left - 1]))
        {
            left--;
        }

        int right = hyphen + 1;
        while (right < end && IsDigit(text[right]))
        {
            right++;
        }

        if ((left > start && text[left - 1] == '-') || (right < end && text[right] == '-') || right < end || left > start)
        {
            return false;
        }

        int leftDigits = hyphen - left, rightDigits = right - hyphen - 1;
        bool identifier = text[hyphen + 1] == '0' || (rightDigits == 4 && leftDigits is 1 or 3 or 5);
        return !identifier;
    }

    /// <summary>One piece, with a unit written against its number split off: «160km», «14h30».</summary>
    private void Piece(string text, int start, int end, TokenBuffer tokens)
    {
        if (IsDigit(text[start]) && rules.Units.Count > 0)
        {
            int d = start;
            while (d < end && (IsDigit(text[d]) || (text[d] is ',' or '.' or ':' or '/' && d + 1 < end && IsDigit(text[d + 1]))))
            {
                d++;
            }

            if (d < end && IsLetter(text[d]))
            {
                int u = d;
                while (u < end && IsLetter(text[u]))
                {
                    u++;
                }

                if ((u == end || IsDigit(text[u])) && rules.Units.Contains(text.AsSpan(d, u - d)))
                {
                    tokens.Add(start, d, TokenKind.Number);
                    tokens.Add(d, u, TokenKind.Word);
                    if (u < end)
                    {
                        Piece(text, u, end, tokens);
                    }

                    return;
                }
            }
        }

        tokens.Add(start, end, KindOf(text.AsSpan(start, end - start)));
    }

    private static TokenKind KindOf(ReadOnlySpan<char> token)
    {
        int first = token[0] is '-' or '+' or '.' && token.Length > 1 ? 1 : 0; // «-0,8», «.265»
        if (!IsDigit(token[first]))
        {
            return TokenKind.Word;
        }

        foreach (char c in token)
        {
            if (IsLetter(c))
            {
                return TokenKind.Word;
            }
        }

        return TokenKind.Number;
    }

    /// <summary>Punctuation and symbols; repeated marks («...», «!!», «--», «====») are one token.</summary>
    private int Punctuation(string text, int i, TokenBuffer tokens)
    {
        char c = text[i];
        char next = At(text, i + 1);
        bool afterSpace = i == 0 || IsWhitespace(text[i - 1]) || text[i - 1] is '(' or '[' or '/';

        if (c == '.' && IsDigit(next) && afterSpace)
        {
            return Word(text, i + 1, i, tokens); // a number without its zero: «batting .265»
        }

        if (c is '-' or '+' && IsDigit(next) && afterSpace && _options.AttachSigns)
        {
            return Word(text, i + 1, i, tokens); // a signed number: «-0,8», «+14»
        }

        if (c == '+' && IsDigit(next) && afterSpace && IsPhonePrefix(text, i + 1))
        {
            return Word(text, i + 1, i, tokens); // an international phone number keeps its plus: «+1 212-555-0100», «+4550981306»
        }

        if (c is '#' or '@' && IsLetter(next) && afterSpace)
        {
            int end = ScanWord(text, i + 1, out _);
            tokens.Add(i, end, TokenKind.Word); // a hashtag or a handle
            return end;
        }

        if (rules.Emoticons.Count > 0)
        {
            // «:)» after a space, or against a word when a space follows («family:)»).
            for (int length = 3; length >= 2; length--)
            {
                if (i + length <= text.Length && rules.Emoticons.Contains(text.AsSpan(i, length)))
                {
                    char after = At(text, i + length);
                    if (after == '\0' || IsWhitespace(after) || (afterSpace && after is '.' or ',' or ')' or '!' or '?'))
                    {
                        tokens.Add(i, i + length, TokenKind.Symbol);
                        return i + length;
                    }
                }
            }
        }

        if (c == '\'' && afterSpace && IsDigit(next) && IsDigit(At(text, i + 2)) && !IsWordChar(At(text, i + 3)) && At(text, i + 3) != '\'')
        {
            tokens.Add(i, i + 3, TokenKind.Number); // a year cut to two digits: «the class of '67»
            return i + 3;
        }

        if (c == '°' && next is 'C' or 'F' && !IsLetter(At(text, i + 2)))
        {
            tokens.Add(i, i + 2, TokenKind.Symbol); // «°C», as UD French-Sequoia writes it
            return i + 2;
        }

        if (char.IsHighSurrogate(c) && char.IsLowSurrogate(next))
        {
            tokens.Add(i, i + 2, TokenKind.Symbol);
            return i + 2;
        }

        int j = i + 1;
        if (c is '!' or '?' || (c == '.' && next is '!' or '?'))
        {
            // «?!», «!!!», «.?», «!.»: one token; an ellipsis after them stays apart («?...»).
            while (j < text.Length && text[j] is '!' or '?')
            {
                j++;
            }

            if (c != '.' && At(text, j) == '.' && At(text, j + 1) != '.')
            {
                j++;
            }
        }
        else if (c is '.' or '…' or '$' or '-' or '=' or '*' or '_' or '~' or '<' or '>' or '/' or '\\' or '|' or '^' or '+' or '#' or '—' or '–')
        {
            while (j < text.Length && text[j] == c)
            {
                j++;
            }
        }

        if (c is '-' or '=')
        {
            // A rule drawn with both marks is one token: «----==», «=---».
            int k = j;
            while (k < text.Length && text[k] is '-' or '=')
            {
                k++;
            }

            if (k > j && k - i >= 3)
            {
                j = k;
            }
        }

        tokens.Add(i, j, IsSymbol(c) ? TokenKind.Symbol : TokenKind.Punctuation);
        return j;
    }

    /// <summary>Digits after a «+» that make a phone number: a country code of one to three digits before a space and more digits, or seven digits or more.</summary>
    private static bool IsPhonePrefix(string text, int i)
    {
        int k = i;
        while (k < text.Length && IsDigit(text[k]))
        {
            k++;
        }

        return k - i >= 7 ? !IsWordChar(At(text, k)) && At(text, k) is not ('.' or ',')
            : k - i <= 3 && At(text, k) == ' ' && IsDigit(At(text, k + 1));
    }

    private static bool IsSymbol(char c) => c switch
    {
        '%' or '$' or '€' or '£' or '¥' or '&' or '+' or '=' or '<' or '>' or '°' or '§' or '©' or '®' or '™' or '#' or '@' or '^' or '|' or '~' or '‰' => true,
        _ => c >= 128 && char.IsSymbol(c),
    };
}
