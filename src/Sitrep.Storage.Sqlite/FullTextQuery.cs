using System.Text;

namespace Sitrep.Storage.Sqlite;

/// <summary>
/// Turns what a user types into an FTS5 query that cannot be a syntax error: every word becomes a quoted
/// term, all of them required; a word ending in '*' stays a prefix ("évacu*"). "Kharkiv-based AND" is
/// <c>"Kharkiv" "based" "AND"</c>, not an FTS5 operator.
/// </summary>
internal static class FullTextQuery
{
    public static string? ToFts5(string text)
    {
        var query = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || char.IsSurrogate(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark))
            {
                i++;
            }

            if (query.Length > 0)
            {
                query.Append(' ');
            }

            query.Append('"').Append(text, start, i - start).Append('"');
            if (i < text.Length && text[i] == '*')
            {
                query.Append('*');
            }
        }

        return query.Length == 0 ? null : query.ToString();
    }
}
