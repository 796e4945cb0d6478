using System.Text.RegularExpressions;

namespace Sitrep.Articles.Feeds;

/// <summary>
/// Feed dates as feeds write them: what <see cref="PublicationDate.TryParse"/> reads (RFC 822 / RFC 1123 and ISO 8601),
/// plus the usual departures from RFC 822 seen in the wild: a two-digit year ("Sat, 14 May 22 09:30:00 GMT", read as
/// 20xx below 70 and 19xx from 70, as RFC 2822 says), an offset with a colon ("+02:00"), a zone in parentheses after
/// the offset ("+0200 (CEST)"), and French month and day names ("lun., 14 mars 2022 09:30:00 +0100").
/// </summary>
public static partial class FeedDates
{
    private static readonly (string French, string English)[] Months =
    [
        ("janvier", "Jan"), ("janv", "Jan"), ("février", "Feb"), ("fevrier", "Feb"), ("févr", "Feb"), ("fevr", "Feb"), ("mars", "Mar"),
        ("avril", "Apr"), ("avr", "Apr"), ("mai", "May"), ("juin", "Jun"), ("juillet", "Jul"), ("juil", "Jul"), ("août", "Aug"),
        ("aout", "Aug"), ("septembre", "Sep"), ("sept", "Sep"), ("octobre", "Oct"), ("novembre", "Nov"), ("décembre", "Dec"),
        ("decembre", "Dec"), ("déc", "Dec"), ("dec", "Dec"),
    ];

    public static bool TryParse(string? value, out PublicationDate date)
    {
        if (PublicationDate.TryParse(value, out date))
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(value) || value.Length > 80)
        {
            return false;
        }

        string s = ZoneComment().Replace(value.Trim(), "");
        s = ColonOffset().Replace(s, "${sign}${h}${m}");
        s = FrenchNames(s);
        s = TwoDigitYear().Replace(s, m =>
        {
            int year = int.Parse(m.Groups["y"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            return $"{m.Groups["head"].Value}{(year < 70 ? 2000 + year : 1900 + year)}";
        });
        return PublicationDate.TryParse(s, out date);
    }

    /// <summary>French day names dropped and month names put in English, for RFC 822 dates written by French sites.</summary>
    private static string FrenchNames(string value)
    {
        Match day = FrenchDay().Match(value);
        string s = day.Success ? value[day.Length..] : value;
        Match month = WordAfterDay().Match(s);
        if (!month.Success)
        {
            return s;
        }

        string word = month.Groups["mon"].Value.ToLowerInvariant().TrimEnd('.');
        foreach ((string french, string english) in Months)
        {
            if (word == french)
            {
                return s[..month.Groups["mon"].Index] + english + s[(month.Groups["mon"].Index + month.Groups["mon"].Length)..];
            }
        }

        return s;
    }

    [GeneratedRegex(@"\s*\([A-Za-z ]{1,40}\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneComment();

    [GeneratedRegex(@"(?<=\d{1,2}:\d{2}(?::\d{2})?\s*)(?<sign>[+-])(?<h>\d{2}):(?<m>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex ColonOffset();

    [GeneratedRegex(@"^(?:lun|mar|mer|jeu|ven|sam|dim)[a-z]*\.?,?\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FrenchDay();

    [GeneratedRegex(@"^(?:[A-Za-z]{3,9},?\s+)?\d{1,2}\s+(?<mon>[\p{L}]{3,9}\.?)\s", RegexOptions.CultureInvariant)]
    private static partial Regex WordAfterDay();

    [GeneratedRegex(@"^(?<head>(?:[A-Za-z]{3,9},?\s+)?\d{1,2}\s+[A-Za-z]{3,9}\.?\s+)(?<y>\d{2})(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex TwoDigitYear();
}
