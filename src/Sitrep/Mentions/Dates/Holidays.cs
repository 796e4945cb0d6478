using System.Globalization;

namespace Sitrep.Mentions.Dates;

/// <summary>
/// The day of a movable holiday in a given year, from the rule the lexicon writes: «MM-DD>W» is the first ISO
/// weekday W on or after that day (US Thanksgiving «11-22>4», Election Day «11-02>2»), «E+N» / «E-N» is N days
/// after or before Western Easter Sunday (Pentecost «E+49», Good Friday «E-2»).
/// </summary>
internal static class Holidays
{
    public static DateOnly? Date(string rule, int year)
    {
        if (year is < 1583 or > 9999)
        {
            return null;
        }

        if (rule.Length >= 2 && rule[0] == 'E' && int.TryParse(rule.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int days))
        {
            return Easter(year).AddDays(days);
        }

        if (rule.Length == 7 && rule[5] == '>'
            && int.TryParse(rule.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int month) && month is >= 1 and <= 12
            && int.TryParse(rule.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int day) && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            && rule[6] is >= '1' and <= '7')
        {
            var from = new DateOnly(year, month, day);
            int weekday = rule[6] - '0';
            return from.AddDays((weekday - TimeResolver.IsoWeekday(from) + 7) % 7);
        }

        return null;
    }

    /// <summary>Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly Easter(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
