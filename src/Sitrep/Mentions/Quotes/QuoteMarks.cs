using Sitrep.Documents;

namespace Sitrep.Mentions.Quotes;

/// <summary>
/// The spans inside top-level quote marks: « … », “ … ”, „ … “, "…" and ''…'', marks of another kind nested inside
/// («« il a dit "non" »»). A quotation left open at the end of a paragraph goes on when the next paragraph opens with
/// the same mark (the press convention for quotes over several paragraphs); otherwise it ends with its paragraph.
/// Spans exclude the marks and surrounding spaces; empty ones are dropped.
/// </summary>
public static class QuoteMarks
{
    public static List<TextSpan> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<TextSpan>();
        char open = '\0', close = '\0';
        int start = -1, depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            int width = 1;
            if (c == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
            {
                (c, width) = ('"', 2); // ''…'': two apostrophes as a double quote mark (common in American copy)
            }

            if (start < 0)
            {
                (open, close) = c switch
                {
                    '«' => ('«', '»'),
                    '“' => ('“', '”'),
                    '„' => ('„', '“'),
                    '"' => ('"', '"'),
                    _ => ('\0', '\0'),
                };
                if (open != '\0')
                {
                    (start, depth) = (i + width, 1);
                }

                i += width - 1;
                continue;
            }

            if (c == '\n')
            {
                int next = i + 1;
                while (next < text.Length && char.IsWhiteSpace(text[next]))
                {
                    next++;
                }

                if (next < text.Length && text[next] == open && open != close)
                {
                    i = next; // «… \n« …»: the quotation goes on in the next paragraph
                    continue;
                }

                Add(spans, text, start, i);
                start = -1;
                continue;
            }

            // «“Immunity deals should not be a requirement," Chaffetz said»: copy that mixes straight and curly marks closes
            // on the other kind when its own does not come before the paragraph ends.
            if (depth == 1 && c != close && (open, c) is ('“', '"') or ('"', '”') && !ClosesLater(text, i + 1, close))
            {
                c = close;
            }

            if (c == close && --depth == 0)
            {
                Add(spans, text, start, i);
                start = -1;
                i += width - 1;
            }
            else if (c == open && open != close)
            {
                depth++;
            }
        }

        if (start >= 0)
        {
            Add(spans, text, start, text.Length);
        }

        return spans;
    }

    /// <summary>Where the closing mark of a quotation whose content ends at <paramref name="contentEnd"/> ends (past a trimmed period or comma).</summary>
    public static int CloseEnd(string text, int contentEnd)
    {
        ArgumentNullException.ThrowIfNull(text);
        int i = contentEnd;
        while (i < text.Length && (text[i] is '.' or ',' || char.IsWhiteSpace(text[i])) && text[i] != '\n')
        {
            i++;
        }

        return i + 1 < text.Length && text[i] == '\'' && text[i + 1] == '\'' ? i + 2
            : i < text.Length && text[i] is '»' or '”' or '“' or '"' ? i + 1 : contentEnd;
    }

    private static bool ClosesLater(string text, int from, char close)
    {
        int end = text.IndexOf('\n', from);
        return text.AsSpan(from, (end < 0 ? text.Length : end) - from).Contains(close);
    }

    private static void Add(List<TextSpan> spans, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        // The period or comma just inside the closing mark ends the sentence around the quote, not the quote.
        while (end > start && (text[end - 1] is '.' or ',' || char.IsWhiteSpace(text[end - 1])) && !text.AsSpan(start, end - start).EndsWith("..."))
        {
            end--;
        }

        if (end > start)
        {
            spans.Add(TextSpan.FromBounds(start, end));
        }
    }
}
