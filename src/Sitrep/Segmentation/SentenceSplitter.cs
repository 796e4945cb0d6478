using System.Collections.Immutable;
using Sitrep.Documents;

namespace Sitrep.Segmentation;

/// <summary>
/// Groups tokens into sentences. A sentence ends at a full stop, ! or ? (with the closing quotes, brackets,
/// footnote marks and emoticons that follow it) unless a quotation closes and the text goes on in lower case
/// («« Pourquoi ? » demande-t-il»); at an ellipsis before a capital; at an abbreviation whose period the
/// tokenizer kept («U.S.») before a word that usually starts a sentence; at a semicolon where the language's
/// treebanks do (French); at a paragraph break. A single line break ends one unless the text is
/// hard-wrapped (see <see cref="LineLayout"/>). Without punctuation, a sentence also ends after a heading
/// written on the same line as the next sentence (a lower-case word, then a listed opener such as «Il»), and
/// after a parenthesis that closes a source or caption before a sentence starter («(Reuters) The»).
/// Thread-safe: all state is local to a call.
/// </summary>
internal sealed class SentenceSplitter(SegmentationRules rules)
{
    private enum Terminal
    {
        None,

        /// <summary>«.», «!», «?», «?!» (and «;» where it ends sentences): ends the sentence unless a quotation closes and the text goes on in lower case.</summary>
        Stop,

        /// <summary>«...», «…», an emoticon: ends the sentence only before a capital.</summary>
        Soft,

        /// <summary>«U.S.», «Inc.»: ends the sentence only before a word that usually starts one.</summary>
        Abbreviation,

        /// <summary>«etc.»: ends the sentence before any capitalised word.</summary>
        Final,
    }

    public ImmutableArray<Sentence> Split(string text, ReadOnlySpan<Token> tokens)
    {
        if (tokens.IsEmpty)
        {
            return [];
        }

        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var layout = new LineLayout(text);
        bool quoteOpen = false;
        int first = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            int last = SentenceEndAt(text, tokens, first, i, layout, ref quoteOpen);
            if (last >= 0)
            {
                sentences.Add(new Sentence(TextSpan.FromBounds(tokens[first].Span.Start, tokens[last].Span.End), first, last - first + 1));
                first = last + 1;
                i = last;
            }
        }

        return sentences.DrainToImmutable();
    }

    /// <summary>
    /// The last token of a sentence that ends at token <paramref name="i"/> (or at the closers after it), or -1.
    /// <paramref name="quoteOpen"/> follows straight double quotes, which open and close alike, through the sentence.
    /// </summary>
    private int SentenceEndAt(string text, ReadOnlySpan<Token> tokens, int first, int i, LineLayout layout, ref bool quoteOpen)
    {
        if (IsStraightQuote(text, tokens[i]))
        {
            quoteOpen = !quoteOpen;
        }

        if (i == tokens.Length - 1)
        {
            return i;
        }

        Terminal terminal = TerminalOf(text, tokens, first, i);
        if (terminal != Terminal.None)
        {
            int j = i + 1;
            bool closedQuote = false, open = quoteOpen;
            while (j < tokens.Length && !HasLineBreak(text, tokens[j - 1].Span.End, tokens[j].Span.Start))
            {
                if (IsCloser(text, tokens, j, open, out bool quote))
                {
                    // «Sen. David Perdue (R-Ga.) said»: a bracket closed after an abbreviation's period, the sentence going on in lower case.
                    closedQuote |= quote || text[tokens[j].Span.Start] == ')';
                    open &= !IsStraightQuote(text, tokens[j]);
                }
                else if (IsCitation(text, tokens, j))
                {
                    j += 2; // «… in 1805. [19]»: the footnote mark belongs to the sentence it follows
                }
                else if (TerminalOf(text, tokens, first, j) is not (Terminal.Stop or Terminal.Soft))
                {
                    break;
                }

                j++;
            }

            if (j == tokens.Length || EndsBefore(terminal, closedQuote, text, tokens, j))
            {
                // Quotations seldom run over several sentences; an unbalanced quote must not flip every later one.
                quoteOpen = false;
                return j - 1;
            }
        }

        if (IsBreakBetween(text, tokens[i], tokens[i + 1], layout) || (!quoteOpen && (IsHeadingEnd(text, tokens, first, i) || IsSourceEnd(text, tokens, first, i))))
        {
            quoteOpen = false;
            return i;
        }

        return -1;
    }

    /// <summary>
    /// A heading or caption written on the same line as the sentence after it: a word in lower case, then
    /// with no punctuation a capitalised word that opens sentences and never names («… vasculaires Il a été»).
    /// </summary>
    private bool IsHeadingEnd(string text, ReadOnlySpan<Token> tokens, int first, int i)
    {
        if (rules.HeadingBreaks.Count == 0 || tokens[i].Kind != TokenKind.Word || tokens[i + 1].Kind != TokenKind.Word
            || !char.IsUpper(text[tokens[i + 1].Span.Start]) || !char.IsLower(text[tokens[i].Span.End - 1]) || tokens[i + 1].Span.Start == tokens[i].Span.End
            || !rules.HeadingBreaks.Contains(text.AsSpan(tokens[i + 1].Span.Start, tokens[i + 1].Span.Length)))
        {
            return false;
        }

        return !InsideParentheses(text, tokens, first, i + 1);
    }

    /// <summary>
    /// A closing parenthesis with no full stop before it, then a word that usually starts a sentence: the
    /// parenthesis closed a sentence or a caption («… said the minister (Reuters) The talks resumed»), except
    /// a list mark («(a) The first point»).
    /// </summary>
    private bool IsSourceEnd(string text, ReadOnlySpan<Token> tokens, int first, int i)
    {
        if (tokens[i].Span.Length != 1 || text[tokens[i].Span.Start] != ')' || tokens[i + 1].Kind != TokenKind.Word
            || tokens[i + 1].Span.Start == tokens[i].Span.End
            || !rules.SentenceStarters.Contains(text.AsSpan(tokens[i + 1].Span.Start, tokens[i + 1].Span.Length)))
        {
            return false;
        }

        int open = i - 1;
        while (open >= first && !(tokens[open].Span.Length == 1 && text[tokens[open].Span.Start] is '(' or ')'))
        {
            open--;
        }

        if (open < first || text[tokens[open].Span.Start] != '(')
        {
            return false;
        }

        // «(a)», «(1)», «(ii)» mark list items; a source or a caption has a longer name.
        return i - open > 2 || tokens[open + 1].Span.Length > 3;
    }

    /// <summary>Whether a bracket opened since the sentence began is still open: «(bolus de 0,1 mg/kg ; perfusion …)».</summary>
    private static bool InsideParentheses(string text, ReadOnlySpan<Token> tokens, int first, int i)
    {
        int depth = 0;
        for (int k = first; k < i; k++)
        {
            if (tokens[k].Span.Length == 1)
            {
                char c = text[tokens[k].Span.Start];
                depth += c is '(' or '[' ? 1 : c is ')' or ']' && depth > 0 ? -1 : 0;
            }
        }

        return depth > 0;
    }

    private static bool IsCitation(string text, ReadOnlySpan<Token> tokens, int j) =>
        j + 2 < tokens.Length && tokens[j + 1].Kind == TokenKind.Number && text[tokens[j].Span.Start] == '['
        && text[tokens[j + 2].Span.Start] == ']' && tokens[j + 2].Span.Length == 1 && tokens[j].Span.Length == 1;

    private static bool IsStraightQuote(string text, Token token) => token.Span.Length == 1 && text[token.Span.Start] == '"';

    private Terminal TerminalOf(string text, ReadOnlySpan<Token> tokens, int first, int i)
    {
        Token token = tokens[i];
        ReadOnlySpan<char> s = text.AsSpan(token.Span.Start, token.Span.Length);
        if (token.Kind == TokenKind.Punctuation)
        {
            if (s is ";")
            {
                return rules.Options.SemicolonEndsSentence && i > first && !InsideParentheses(text, tokens, first, i) ? Terminal.Stop : Terminal.None;
            }

            if (s.ContainsAnyExcept(".!?…"))
            {
                return Terminal.None;
            }

            if (s.ContainsAny('!', '?') || s is ".")
            {
                return Terminal.Stop;
            }

            // An ellipsis opening a sentence («...Now comes») or standing for cut text («(...)») ends nothing.
            bool cut = i > 0 && text[tokens[i - 1].Span.Start] is '(' or '[' && tokens[i - 1].Span.End == token.Span.Start;
            return i == first || cut ? Terminal.None : Terminal.Soft;
        }

        if (token.Kind == TokenKind.Symbol)
        {
            return i > first && rules.Emoticons.Contains(s) ? Terminal.Soft : Terminal.None;
        }

        if (token.Kind != TokenKind.Word || s.Length < 2 || s[^1] != '.')
        {
            return Terminal.None;
        }

        return rules.AbbreviationKindOf(s) switch
        {
            AbbreviationKind.General => Terminal.Abbreviation,
            AbbreviationKind.Final => Terminal.Final,
            AbbreviationKind.None when s.Length > 2 && s[^3] is '.' or '-' && char.IsLetter(s[^2]) => Terminal.Abbreviation, // «U.S.», «a.m.», «J.-C.»
            _ => Terminal.None, // titles, «p. 12», and a capital initial the tokenizer saw before a name
        };
    }

    /// <summary>Whether the sentence ends before token <paramref name="j"/>, the first after the terminal and its closers.</summary>
    private bool EndsBefore(Terminal terminal, bool closedQuote, string text, ReadOnlySpan<Token> tokens, int j)
    {
        char first = text[tokens[j].Span.Start];
        if (tokens[j].Kind == TokenKind.Punctuation && first is ',' or ';' or ':' or ')' or ']' or '}')
        {
            return false;
        }

        // The word after any opening quotes, brackets or dialogue dashes: «. « Le», «. - Si vous».
        int k = j;
        while (k < tokens.Length && k < j + 3 && IsOpener(text[tokens[k].Span.Start]) && tokens[k].Span.Length == 1)
        {
            k++;
        }

        char w = k < tokens.Length ? text[tokens[k].Span.Start] : '\0';
        return terminal switch
        {
            // «« Pourquoi ? » demande-t-il», «(R-Ga.) said»: a quotation or bracket closed and the sentence goes on in lower case.
            Terminal.Stop => !(closedQuote && char.IsLower(w)),
            Terminal.Soft or Terminal.Final => char.IsUpper(w),
            Terminal.Abbreviation => k == j && char.IsUpper(w)
                && rules.SentenceStarters.Contains(text.AsSpan(tokens[k].Span.Start, tokens[k].Span.Length)),
            _ => false,
        };
    }

    private bool IsCloser(string text, ReadOnlySpan<Token> tokens, int j, bool quoteOpen, out bool quote)
    {
        quote = false;
        if (tokens[j].Span.Length != 1)
        {
            // An emoticon after the full stop still belongs to the sentence: «I love her. :)».
            return tokens[j].Kind == TokenKind.Symbol && rules.Emoticons.Contains(text.AsSpan(tokens[j].Span.Start, tokens[j].Span.Length));
        }

        char c = text[tokens[j].Span.Start];
        switch (c)
        {
            case ')' or ']' or '}':
                return true;
            case '»' or '”' or '’':
                quote = true;
                return true;
            case '"' or '\'' when tokens[j].Span.Start == tokens[j - 1].Span.End:
                // A straight quote written against the full stop closes the quotation.
                quote = true;
                return true;
            case '"' when quoteOpen && (j + 1 == tokens.Length || tokens[j + 1].Span.Start > tokens[j].Span.End):
                // «… pollution. " Ce sont»: spaced on both sides, it closes the quotation the sentence opened.
                quote = true;
                return true;
            default:
                return false;
        }
    }

    private static bool IsOpener(char c) => c is '(' or '[' or '{' or '«' or '“' or '‘' or '"' or '\'' or '-' or '–' or '—';

    private static bool HasLineBreak(string text, int from, int to) => text.AsSpan(from, to - from).Contains('\n');

    /// <summary>A paragraph break (a blank line) always ends a sentence; a single line break, as <see cref="LineLayout"/> says.</summary>
    private static bool IsBreakBetween(string text, Token previous, Token next, LineLayout layout)
    {
        ReadOnlySpan<char> gap = text.AsSpan(previous.Span.End, next.Span.Start - previous.Span.End);
        int newline = gap.IndexOf('\n');
        if (newline < 0)
        {
            return false;
        }

        if (gap[(newline + 1)..].Contains('\n'))
        {
            return true;
        }

        return layout.EndsParagraph(previous.Span.End + newline, text[next.Span.Start]);
    }

    /// <summary>
    /// Whether single line breaks are hard-wrapping (e-mail, old wire copy: lines of similar length near a
    /// margin, where a break ends a sentence only after a short line) or separate paragraphs and headings
    /// (one paragraph per line, the usual plain-text article). Computed on first use.
    /// </summary>
    private sealed class LineLayout(string text)
    {
        private const int MinimumLines = 3;
        private bool _measured;
        private int _lines;
        private bool _wrapped;
        private int _shortLine;

        /// <summary>Whether the single line break at <paramref name="newline"/>, before a line starting with <paramref name="next"/>, ends a sentence.</summary>
        public bool EndsParagraph(int newline, char next)
        {
            Measure();
            if (!_wrapped)
            {
                // Too few lines to tell: a line going on in lower case continues the sentence.
                return _lines >= MinimumLines || !char.IsLower(next);
            }

            int lineStart = text.AsSpan(0, newline).LastIndexOf('\n') + 1;
            return !char.IsLower(next) && newline - lineStart < _shortLine;
        }

        private void Measure()
        {
            if (_measured)
            {
                return;
            }

            _measured = true;
            // Lengths of the lines followed by a single line break and another non-empty line.
            var lengths = new List<int>();
            int start = 0;
            while (start < text.Length)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0)
                {
                    break;
                }

                bool continued = end + 1 < text.Length && text[end + 1] != '\n' && !text.AsSpan(end + 1).TrimStart(' ').StartsWith('\n');
                if (continued && end > start)
                {
                    lengths.Add(end - start);
                }

                start = end + 1;
            }

            _lines = lengths.Count;
            if (lengths.Count < MinimumLines)
            {
                return;
            }

            // The margin is the 90th percentile of line lengths: a URL or a table row wider than the margin
            // must not hide it. Wrapped lines mostly end within a long word of the margin.
            lengths.Sort();
            int margin = lengths[(lengths.Count - 1) * 9 / 10];
            int nearMargin = 0;
            foreach (int length in lengths)
            {
                if (length >= margin * 3 / 4)
                {
                    nearMargin++;
                }
            }

            _wrapped = margin <= 120 && nearMargin * 10 >= lengths.Count * 7;
            _shortLine = margin * 2 / 3;
        }
    }
}
