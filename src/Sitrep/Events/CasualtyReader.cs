using System.Globalization;
using Sitrep.Documents;
using Sitrep.Segmentation;

namespace Sitrep.Events;

/// <summary>
/// Reads counts of killed and wounded in a sentence: a quantity («12», «douze», «au moins 12», «plusieurs centaines»,
/// «dozens») followed closely by a casualty word («morts», «tués», «blessés», «killed»), or after a casualty verb
/// («tuant au moins 12 personnes», «killing 12»). Bodies are not casualties: only the lexicon's words count.
/// </summary>
internal static class CasualtyReader
{
    public static IEnumerable<(string Kind, Casualties Count, int Word)> Read(Document document, SentenceView view, EventLexicon lexicon)
    {
        var found = new List<(string, Casualties, int)>();
        for (int t = view.First; t < view.End; t++)
        {
            if (ReadQuantity(document, view, lexicon, t) is not { } q)
            {
                continue;
            }

            // After: «12 morts», «12 personnes ont été tuées», «12 civils blessés».
            int? word = null;
            string? kind = null;
            for (int k = q.End; k < view.End && k - q.End <= 5; k++)
            {
                kind = Kind(view, lexicon, k);
                if (kind is not null)
                {
                    word = k;
                    break;
                }

                if (!(view.Tag(k) is "AUX" or "ADJ" or "ADV" or "DET" || lexicon.Is("person", view.Lemma(k)) || view.Word(k) is "de" or "d'" or "d’" or "of" or "people"))
                {
                    break;
                }
            }

            // Before: «tuant au moins 12 personnes», «a fait 12 morts» is covered above.
            if (word is null)
            {
                for (int k = q.Start - 1; k >= view.First && q.Start - k <= 3; k--)
                {
                    kind = Kind(view, lexicon, k);
                    if (kind is not null && view.Tag(k) == "VERB")
                    {
                        word = k;
                        break;
                    }
                }
            }

            if (word is { } w && kind is not null)
            {
                int start = Math.Min(q.Start, w), end = Math.Max(q.End - 1, w);
                var span = TextSpan.FromBounds(document.Tokens[start].Span.Start, document.Tokens[end].Span.End);
                found.Add((kind, new Casualties(span, q.Best, q.Low, q.High), w));
                t = Math.Max(t, q.End - 1);
            }
        }

        return found;
    }

    private static string? Kind(SentenceView view, EventLexicon lexicon, int k) =>
        lexicon.Is("dead", view.Lemma(k)) || lexicon.Is("dead", view.Word(k)) ? "dead"
        : lexicon.Is("injured", view.Lemma(k)) || lexicon.Is("injured", view.Word(k)) ? "injured"
        : null;

    /// <summary>A quantity starting at a token: [qualifier] (digits | number word | vague phrase), with its token range.</summary>
    private static (int Start, int End, int? Best, int? Low, int? High)? ReadQuantity(Document document, SentenceView view, EventLexicon lexicon, int t)
    {
        int start = t;
        string? qualifier = null;
        for (int n = lexicon.LongestPhrase; n >= 1; n--)
        {
            if (Phrase(view, t, n) is { } phrase && lexicon.Qualifiers.TryGetValue(phrase, out string? q))
            {
                qualifier = q;
                t += n;
                break;
            }
        }

        if (!view.Contains(t))
        {
            return null;
        }

        for (int n = lexicon.LongestPhrase; n >= 1; n--)
        {
            if (Phrase(view, t, n) is { } phrase && lexicon.Quantities.TryGetValue(phrase, out Quantity vague))
            {
                if (vague.Low == vague.High)
                {
                    return Qualify(start, t + n, vague.Best, qualifier);
                }

                return (start, t + n, vague.Best, vague.Low, vague.High);
            }
        }

        if (document.Tokens[t].Kind != TokenKind.Number)
        {
            return null;
        }

        // «1 200» is two tokens; «1,200» and «1.200» one.
        string digits = view.Word(t).Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).Replace("\u202f", "", StringComparison.Ordinal);
        int end = t + 1;
        while (view.Contains(end) && document.Tokens[end].Kind == TokenKind.Number && view.Word(end).Length == 3
            && document.Tokens[end].Span.Start - document.Tokens[end - 1].Span.End == 1)
        {
            digits += view.Word(end);
            end++;
        }

        // A year or a time is not a count.
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value > 10_000_000)
        {
            return null;
        }

        return Qualify(start, end, value, qualifier);
    }

    private static (int, int, int?, int?, int?) Qualify(int start, int end, int n, string? qualifier) => qualifier switch
    {
        "at-least" or "more-than" => (start, end, n, n, null),
        "up-to" => (start, end, n, null, n),
        "about" => (start, end, n, null, null),
        _ => (start, end, n, n, n),
    };

    private static string? Phrase(SentenceView view, int t, int n)
    {
        if (!view.Contains(t + n - 1))
        {
            return null;
        }

        string phrase = view.Word(t);
        for (int k = t + 1; k < t + n; k++)
        {
            phrase += phrase.EndsWith('\'') || phrase.EndsWith('’') ? view.Word(k) : " " + view.Word(k);
        }

        return phrase;
    }
}
