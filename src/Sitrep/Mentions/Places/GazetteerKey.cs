using System.Globalization;
using System.Text;

namespace Sitrep.Mentions.Places;

/// <summary>
/// The form under which names are indexed and looked up: lower case, without diacritics, every run of
/// characters that are neither letters nor digits made one space («Saint-Pétersbourg» → «saint petersbourg»,
/// «Côte d’Ivoire» → «cote d ivoire»). Builder and lookup share it, so the index holds no case or accents.
/// </summary>
public static class GazetteerKey
{
    public static string Normalize(ReadOnlySpan<char> name)
    {
        var folded = new StringBuilder(name.Length);
        bool space = false;
        foreach (char c in name.ToString().Normalize(NormalizationForm.FormD))
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && folded.Length > 0)
                {
                    folded.Append(' ');
                }

                space = false;
                folded.Append(char.ToLowerInvariant(c));
            }
            else
            {
                space = true;
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }
}
