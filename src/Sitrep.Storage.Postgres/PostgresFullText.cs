using System.Globalization;
using System.Text;

namespace Sitrep.Storage.Postgres;

/// <summary>
/// Full-text search with the 'simple' text-search configuration: no stemming and no stop words, whatever the
/// article's language, so one query finds French and English articles alike ("evacu*" matches "évacué" and
/// "evacuated") and behaves as the SQLite store's FTS5 index does. Accents and case are folded here rather
/// than with the unaccent extension, which needs rights a store user may not have: the store indexes the
/// folded words of the title and text, and queries are folded the same way ("Nîmes" → "nimes").
/// </summary>
internal static class PostgresFullText
{
    /// <summary>
    /// How many characters of words are indexed per field. A tsvector holds at most 1 MB, which a text of
    /// 150,000 distinct words (about a million characters) already exceeds, and PostgreSQL would refuse the whole
    /// article; 256 Ki characters stay under it even when every word is new and non-Latin (Cyrillic, two bytes a
    /// letter), and are far more than a news article's text. The rest of a longer text is stored, not searchable.
    /// </summary>
    public const int MaxIndexedLength = 256 * 1024;

    /// <summary>The folded words of <paramref name="text"/>, one space apart, for <c>to_tsvector('simple', …)</c>.</summary>
    public static string Words(string? text)
    {
        var words = new StringBuilder();
        foreach (string word in Split(text))
        {
            if (words.Length + word.Length >= MaxIndexedLength)
            {
                break;
            }

            if (words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(word);
        }

        return words.ToString();
    }

    /// <summary>
    /// A <c>to_tsquery('simple', …)</c> text that cannot be a syntax error: every word a quoted term, all of them
    /// required, a word followed by '*' a prefix. Null when the text has no word.
    /// </summary>
    public static string? ToTsQuery(string text)
    {
        var query = new StringBuilder();
        string folded = Fold(text);
        foreach ((int start, int end) in WordRanges(folded))
        {
            if (query.Length > 0)
            {
                query.Append(" & ");
            }

            query.Append('\'').Append(folded, start, end - start).Append('\'');
            if (end < folded.Length && folded[end] == '*')
            {
                query.Append(":*");
            }
        }

        return query.Length == 0 ? null : query.ToString();
    }

    private static IEnumerable<string> Split(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        string folded = Fold(text);
        return WordRanges(folded).Select(r => folded[r.Start..r.End]);
    }

    /// <summary>Where the words of a folded text start and end.</summary>
    private static IEnumerable<(int Start, int End)> WordRanges(string folded)
    {
        int i = 0;
        while (i < folded.Length)
        {
            if (!IsWordChar(folded[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < folded.Length && IsWordChar(folded[i]))
            {
                i++;
            }

            yield return (start, i);
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.IsSurrogate(c);

    /// <summary>
    /// Lower case without accents: "Évacué" → "evacue". Letters without a decomposition (ø, œ) stay as they are;
    /// a lone surrogate (damaged text) becomes a space, since it is no word and cannot be normalised or sent.
    /// </summary>
    private static string Fold(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else
            {
                clean.Append(char.IsSurrogate(c) ? ' ' : c);
            }
        }

        string decomposed = clean.ToString().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
