using System.Globalization;

namespace Sitrep.Articles;

/// <summary>
/// When an article was published: a date, optionally with a time and a UTC offset, as the source gave it.
/// Relative expressions in the text ("vendredi", "last week") resolve against this, never against the clock.
/// </summary>
public readonly record struct PublicationDate(DateOnly Date, TimeOnly? Time = null, TimeSpan? Offset = null)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyyMMdd", "yyyy/MM/dd", "dd/MM/yyyy"];

    /// <summary>
    /// Reads ISO 8601 dates and date-times ("2022-05-14", "2022-05-14T09:30:00+02:00", "2022-05-14 09:30Z")
    /// and the RFC 1123 dates of RSS feeds and HTTP ("Sat, 14 May 2022 09:30:00 GMT").
    /// </summary>
    public static bool TryParse(string? value, out PublicationDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        string s = value.Trim();
        if (DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d))
        {
            date = new PublicationDate(d);
            return true;
        }

        bool hasOffset = s.EndsWith('Z') || s.EndsWith("GMT", StringComparison.OrdinalIgnoreCase) || s.EndsWith("UTC", StringComparison.OrdinalIgnoreCase)
            || HasNumericOffset(s);
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out DateTimeOffset dto))
        {
            date = new PublicationDate(DateOnly.FromDateTime(dto.DateTime), TimeOnly.FromDateTime(dto.DateTime), hasOffset ? dto.Offset : null);
            return true;
        }

        return false;
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

    private static bool HasNumericOffset(string s)
    {
        int t = s.IndexOf('T', StringComparison.Ordinal);
        int colon = s.IndexOf(':', StringComparison.Ordinal);
        int from = Math.Max(t, colon);
        return from > 0 && s.AsSpan(from).IndexOfAny('+', '-') >= 0;
    }
}
