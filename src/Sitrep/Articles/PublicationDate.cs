using System.Globalization;
using System.Text.RegularExpressions;

namespace Sitrep.Articles;

/// <summary>
/// When an article was published: a date, optionally with a time and a UTC offset, as the source gave it.
/// Relative expressions in the text ("vendredi", "last week") resolve against this, never against the clock.
/// </summary>
public readonly partial record struct PublicationDate(DateOnly Date, TimeOnly? Time = null, TimeSpan? Offset = null)
{
    /// <summary>
    /// Reads the dates that pages, feeds and batches give, and nothing looser (a bare "10:30" is not a date, and
    /// no part is ever filled in from today's date):
    /// <list type="bullet">
    /// <item>ISO 8601: "2022-05-14", "20220514", "2022-05-14T09:30:00+02:00", "2022-05-14 09:30Z", "2022-06-21T16:40:12.000Z";</item>
    /// <item>RFC 1123 / RFC 822, as in RSS and HTTP: "Sat, 14 May 2022 09:30:00 GMT", "14 May 2022 09:30 +0200";</item>
    /// <item>day first, as French sites write it: "14/05/2022", "14.05.2022 09:30".</item>
    /// </list>
    /// </summary>
    public static bool TryParse(string? value, out PublicationDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value) || value.Length > 64)
        {
            return false;
        }

        string s = value.Trim();
        Match match = IsoDate().Match(s);
        if (!match.Success)
        {
            match = DayFirstDate().Match(s);
        }

        if (!match.Success)
        {
            match = RfcDate().Match(s);
        }

        return match.Success && TryBuild(match, out date);
    }

    public static PublicationDate Parse(string value) =>
        TryParse(value, out PublicationDate date) ? date : throw new FormatException($"not a date: '{value}' (expected ISO 8601, e.g. 2022-05-14 or 2022-05-14T09:30:00Z)");

    /// <summary>ISO 8601: a date alone, or a date-time with its offset when the source gave one.</summary>
    public override string ToString()
    {
        string day = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Time is not TimeOnly time)
        {
            return day;
        }

        string clock = time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        string offset = Offset switch
        {
            null => "",
            TimeSpan o when o == TimeSpan.Zero => "Z",
            TimeSpan o => (o < TimeSpan.Zero ? "-" : "+") + o.ToString(@"hh\:mm", CultureInfo.InvariantCulture),
        };
        return $"{day}T{clock}{offset}";
    }

    private static bool TryBuild(Match match, out PublicationDate date)
    {
        date = default;
        int year = Number(match, "y");
        int month = match.Groups["mon"].Success ? MonthOf(match.Groups["mon"].Value) : Number(match, "m");
        int day = Number(match, "d");
        if (year < 1000 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var dateOnly = new DateOnly(year, month, day);
        if (!match.Groups["H"].Success)
        {
            date = new PublicationDate(dateOnly);
            return true;
        }

        int hour = Number(match, "H"), minute = Number(match, "M"), second = match.Groups["S"].Success ? Number(match, "S") : 0;
        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        TimeSpan? offset = null;
        if (match.Groups["z"].Success && !TryOffset(match.Groups["z"].Value, out offset))
        {
            return false;
        }

        date = new PublicationDate(dateOnly, new TimeOnly(hour, minute, second), offset);
        return true;
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    private static int MonthOf(string name) => name.ToLowerInvariant() switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => 0,
    };

    /// <summary>An ISO or RFC 822 offset; an unknown zone name leaves the time without offset rather than guessing one.</summary>
    private static bool TryOffset(string zone, out TimeSpan? offset)
    {
        offset = zone.ToUpperInvariant() switch
        {
            "Z" or "GMT" or "UTC" or "UT" => TimeSpan.Zero,
            "EST" or "CDT" => TimeSpan.FromHours(-5),
            "EDT" => TimeSpan.FromHours(-4),
            "CST" or "MDT" => TimeSpan.FromHours(-6),
            "MST" or "PDT" => TimeSpan.FromHours(-7),
            "PST" => TimeSpan.FromHours(-8),
            "BST" or "CET" => TimeSpan.FromHours(1),
            "CEST" => TimeSpan.FromHours(2),
            _ => null,
        };
        if (offset is not null || zone.Length == 0 || zone[0] is not ('+' or '-'))
        {
            return true;
        }

        ReadOnlySpan<char> digits = zone.AsSpan(1);
        int hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        int minutes = digits.Length > 2 ? int.Parse(digits[^2..], CultureInfo.InvariantCulture) : 0;
        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        var span = new TimeSpan(hours, minutes, 0);
        offset = zone[0] == '-' ? -span : span;
        return true;
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:(?<sep>[-/])(?<m>\d{2})\k<sep>(?<d>\d{2})|(?<m>\d{2})(?<d>\d{2}))(?:[T ]\s*(?<H>\d{2}):?(?<M>\d{2})(?::?(?<S>\d{2})(?:[.,]\d{1,9})?)?\s*(?<z>[Zz]|[+-]\d{2}(?::?\d{2})?|GMT|UTC)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<d>\d{1,2})(?<sep>[/.\-])(?<m>\d{1,2})\k<sep>(?<y>\d{4})(?:[T ]\s*(?<H>\d{1,2})[:h](?<M>\d{2})(?::(?<S>\d{2}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirstDate();

    [GeneratedRegex(@"^(?:[A-Za-z]{3,9},?\s+)?(?<d>\d{1,2})\s+(?<mon>[A-Za-z]{3})[A-Za-z]*\.?\s+(?<y>\d{4})(?:\s+(?<H>\d{1,2}):(?<M>\d{2})(?::(?<S>\d{2}))?(?:\s*(?<z>[A-Za-z]{1,4}|[+-]\d{4}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RfcDate();
}
