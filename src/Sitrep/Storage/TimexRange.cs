using System.Globalization;

namespace Sitrep.Storage;

/// <summary>
/// The days a TIMEX3 date value covers, so date filters can compare ranges: "2022-05-13" is one day,
/// "2022-05" the month, "2022-W19" the ISO week, "2022" the year. Durations ("P3D") and references
/// ("PRESENT_REF") cover no fixed day and give null.
/// </summary>
public readonly record struct TimexRange(DateOnly First, DateOnly Last)
{
    public static TimexRange? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 4 || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1)
        {
            return null;
        }

        ReadOnlySpan<char> rest = value.AsSpan(4);
        if (rest.IsEmpty)
        {
            return new TimexRange(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        if (rest[0] != '-')
        {
            return null;
        }

        rest = rest[1..];
        if (rest.Length >= 2 && rest[0] == 'W' && int.TryParse(rest.Slice(1, Math.Min(2, rest.Length - 1)), NumberStyles.None, CultureInfo.InvariantCulture, out int week)
            && week >= 1 && week <= ISOWeek.GetWeeksInYear(year))
        {
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
            return new TimexRange(monday, monday.AddDays(6));
        }

        if (rest.Length < 2 || !int.TryParse(rest[..2], NumberStyles.None, CultureInfo.InvariantCulture, out int month) || month is < 1 or > 12)
        {
            return null;
        }

        rest = rest[2..];
        if (rest.IsEmpty || rest[0] != '-')
        {
            return new TimexRange(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));
        }

        rest = rest[1..];
        if (rest.Length < 2 || !int.TryParse(rest[..2], NumberStyles.None, CultureInfo.InvariantCulture, out int day) || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var date = new DateOnly(year, month, day);
        return new TimexRange(date, date);
    }

    /// <summary>The day an ISO 8601 publication date ("2022-05-14", "2022-05-14T09:30:00+02:00") falls on, as written.</summary>
    public static DateOnly? PublishedDay(string? published) =>
        published is { Length: >= 10 } && DateOnly.TryParseExact(published.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day)
            ? day
            : null;
}
