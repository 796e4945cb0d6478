using System.Text.RegularExpressions;

namespace Sitrep.Mentions.Dates;

/// <summary>
/// Written forms that are shapes rather than words, shared by every language: ISO and numeric dates,
/// clock times (14h30, 14 h 30, 2:30 p.m., 9 a.m. EST), decades (1990s, '90s) and centuries (XIXe siècle, 20th century).
/// </summary>
internal static partial class TimePatterns
{
    [GeneratedRegex("""
        (?<iso>(?<!\d)(?<iy>1\d{3}|20\d{2})-(?<im>[01]\d)-(?<id>[0-3]\d)(?!\d))
        |(?<num>(?<![\d/.])(?<n1>\d{1,2})(?<sep>[/.])(?<n2>\d{1,2})\k<sep>(?<n3>\d{4}|\d{2})(?![\d]|\.\d))
        |(?<ampm>(?<![\d:.,])(?<ah>1[0-2]|0?[1-9])(?::(?<am>[0-5]\d))?\ ?(?<ap>[aApP])\.?\ ?[mM](?![\p{L}])\.?(?:\ (?<tz>EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC)\b)?)
        |(?<clock>(?<![\d:.,])(?<ch>[01]?\d|2[0-3])(?:\ ?[hH]\ ?(?<cm>[0-5]\d)?|:(?<cm2>[0-5]\d))(?![\p{L}\d])(?:\ (?<tz2>GMT|UTC|EST|EDT|PST|PDT)\b)?)
        |(?<hours>(?<=\b(?:[àa]|vers|d[èe]s|jusqu'[àa])\ )(?<hh>[01]?\d|2[0-3])\ heures?(?:\ (?<hm>[0-5]\d))?(?![\p{L}\d]))
        |(?<century>(?<![\p{L}\d])(?:(?<roman>[IVXL]{1,6})(?:e|ème|è|th)|(?<arabic>[1-9]\d?)(?:e|ème|è|st|nd|rd|th))[\ -](?:siècle|century)(?![\p{L}]))
        |(?<decade>(?<![\p{L}\d'])(?:(?<dc>1\d|20)(?<dd>\d)0|'(?<ds>\d)0)'?s(?![\p{L}]))
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    public static partial Regex Atom();
}
