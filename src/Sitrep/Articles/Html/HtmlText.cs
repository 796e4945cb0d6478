using System.Text;

namespace Sitrep.Articles.Html;

/// <summary>Small text helpers for values read from pages (meta content, titles, JSON-LD strings).</summary>
internal static class HtmlText
{
    /// <summary>Runs of white space folded to one space, trimmed; null when nothing is left. Non-breaking spaces stay.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>Whether a heading is the article's title: the same words, ignoring case, spacing and end punctuation.</summary>
    public static bool SameTitle(string heading, string title)
    {
        string a = Comparable(heading);
        string b = Comparable(title);
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        // og:title is often the headline cut short or with a rubric in front ("Ukraine : …").
        (string shorter, string longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= 20 && longer.Contains(shorter, StringComparison.Ordinal);
    }

    private static string Comparable(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().Trim();
    }
}
