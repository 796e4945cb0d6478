using System.Globalization;
using System.Text;

namespace Sitrep.Documents;

/// <summary>The normalised text and the map from its positions back to the article text.</summary>
public sealed record NormalizedText(string Text, OffsetMap Map);

/// <summary>
/// Character-level normalisation that later stages can rely on, with an offset map back to the input:
/// <list type="bullet">
/// <item>line breaks: CRLF, CR, U+2028/U+2029 become LF;</item>
/// <item>apostrophes ’ ‘ ʼ ′ ´ ` become ' (so «l’armée» and «l'armée» tokenize alike);</item>
/// <item>„ ‟ ″ ＂ become “ ” "; « » and “ ” are kept, they tell opening from closing;</item>
/// <item>NBSP, narrow NBSP (French « » spacing) and the other Unicode spaces become a plain space;</item>
/// <item>soft hyphens, zero-width spaces, word joiners and BOMs are removed; non-breaking hyphens and minus signs become -;</item>
/// <item>Latin ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ) are expanded; œ and æ are letters of French and stay;</item>
/// <item>C1 control characters, almost always Windows-1252 text decoded as Latin-1, are read as Windows-1252 (0x92 → ');</item>
/// <item>other control characters become a space (never glue two words), lone surrogates become U+FFFD;</item>
/// <item>a letter followed by combining marks is composed (NFC), so «e\u0301» matches «é» in lexicons.</item>
/// </list>
/// </summary>
public sealed class TextNormalizer
{
    public static TextNormalizer Default { get; } = new();

    public NormalizedText Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = IndexOfFirstChange(text);
        if (first < 0)
        {
            return new NormalizedText(text, OffsetMap.Identity(text.Length));
        }

        var output = new StringBuilder(text.Length + 16);
        var map = new OffsetMapBuilder();
        output.Append(text, 0, first);
        map.AddRun(0, first);

        int i = first;
        while (i < text.Length)
        {
            int runEnd = i;
            while (runEnd < text.Length && !NeedsChange(text, runEnd))
            {
                runEnd++;
            }

            if (runEnd > i)
            {
                output.Append(text, i, runEnd - i);
                map.AddRun(i, runEnd - i);
                i = runEnd;
                continue;
            }

            i = NormalizeAt(text, i, output, map);
        }

        return new NormalizedText(output.ToString(), map.Build(text.Length));
    }

    private static int IndexOfFirstChange(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (NeedsChange(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool NeedsChange(string text, int i)
    {
        char c = text[i];
        if (c >= 0x20 && c < 0x7F)
        {
            // Printable ASCII is kept, except a backquote and a letter that a combining mark follows.
            return c == '`' || (i + 1 < text.Length && text[i + 1] >= 0x300 && IsCombining(text[i + 1]));
        }

        if (c is '\n' or '\t')
        {
            return false;
        }

        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || char.IsSurrogate(c))
        {
            return true;
        }

        return Replacement(c) is not null || (i + 1 < text.Length && text[i + 1] >= 0x300 && IsCombining(text[i + 1]));
    }

    private static int NormalizeAt(string text, int i, StringBuilder output, OffsetMapBuilder map)
    {
        char c = text[i];

        if (c == '\r')
        {
            bool crlf = i + 1 < text.Length && text[i + 1] == '\n';
            output.Append('\n');
            map.Add(crlf ? i + 1 : i);
            return crlf ? i + 2 : i + 1;
        }

        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            output.Append(c).Append(text[i + 1]);
            map.AddRun(i, 2);
            return i + 2;
        }

        if (char.IsSurrogate(c))
        {
            output.Append('\uFFFD');
            map.Add(i);
            return i + 1;
        }

        if (c >= 0x80 && c <= 0x9F)
        {
            c = Windows1252[c - 0x80];
        }

        if (i + 1 < text.Length && text[i + 1] >= 0x300 && IsCombining(text[i + 1]))
        {
            return Compose(text, i, output, map);
        }

        string replacement = Replacement(c) ?? (char.IsControl(c) ? " " : c.ToString());
        foreach (char r in replacement)
        {
            output.Append(r);
            map.Add(i);
        }

        return i + 1;
    }

    private static int Compose(string text, int i, StringBuilder output, OffsetMapBuilder map)
    {
        int end = i + 1;
        while (end < text.Length && text[end] >= 0x300 && IsCombining(text[end]))
        {
            end++;
        }

        string cluster = text[i..end];
        string composed = cluster.IsNormalized(NormalizationForm.FormC) ? cluster : cluster.Normalize(NormalizationForm.FormC);
        for (int k = 0; k < composed.Length; k++)
        {
            output.Append(composed[k]);
            // A composed letter maps to its base; marks that stayed separate keep (about) their own place.
            map.Add(i + Math.Min(k, cluster.Length - 1));
        }

        return end;
    }

    private static bool IsCombining(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;

    /// <summary>The replacement text for a character, or null to keep it. An empty string removes it.</summary>
    private static string? Replacement(char c) => c switch
    {
        '\u2019' or '\u2018' or '\u02BC' or '\u2032' or '\u00B4' or '`' or '\uFF07' or '\u201B' => "'",
        '\u201E' => "\u201C",
        '\u201F' => "\u201D",
        '\u2033' or '\uFF02' => "\"",
        '\u00A0' or '\u202F' or '\u2007' or '\u2009' or '\u200A' or '\u2002' or '\u2003' or '\u2004'
            or '\u2005' or '\u2006' or '\u2008' or '\u205F' or '\u3000' or '\u1680' or '\u2000' or '\u2001' => " ",
        '\u2028' or '\u2029' or '\u000B' or '\u000C' => "\n",
        '\u00AD' or '\u200B' or '\u2060' or '\uFEFF' => "",
        '\u2010' or '\u2011' or '\u2212' => "-",
        '\uFB00' => "ff",
        '\uFB01' => "fi",
        '\uFB02' => "fl",
        '\uFB03' => "ffi",
        '\uFB04' => "ffl",
        '\uFB05' or '\uFB06' => "st",
        _ => null,
    };

    /// <summary>Windows-1252 characters for bytes 0x80–0x9F (undefined bytes become U+FFFD).</summary>
    private static readonly char[] Windows1252 =
    [
        '\u20AC', '\uFFFD', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
        '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\uFFFD', '\u017D', '\uFFFD',
        '\uFFFD', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
        '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\uFFFD', '\u017E', '\u0178',
    ];
}
