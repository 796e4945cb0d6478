using System.Globalization;

namespace Sitrep.Mentions.Dates;

/// <summary>
/// Turns what the recogniser read into a TIMEX3 value against an explicit reference date (the publication
/// date) and, for «le lendemain» or a bare clock time, the last date the text mentioned. Never reads the clock.
/// Without a reference, explicit dates keep their known fields («24 février» → XXXX-02-24) and counted
/// expressions («hier») get no value.
/// </summary>
public static class TimeResolver
{
    public static string? Resolve(TimeExpression expression, DateOnly? reference, DateOnly? previous = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Literal is not null)
        {
            return expression.Literal;
        }

        DateOnly? anchor = expression.FromPreviousDate ? previous ?? reference : reference;
        string? date = DatePart(expression, anchor);
        if (date is null)
        {
            return null;
        }

        if (expression.Hour is int hour)
        {
            return date + "T" + hour.ToString("00", CultureInfo.InvariantCulture) + ":" + (expression.Minute ?? 0).ToString("00", CultureInfo.InvariantCulture);
        }

        return expression.PartOfDay is string pod ? date + "T" + pod : date;
    }

    /// <summary>The calendar day an expression names, when it names one (for anchoring later expressions).</summary>
    public static DateOnly? Day(string? value)
    {
        if (value is null || value.Length < 10 || value[4] != '-' || value[7] != '-')
        {
            return null;
        }

        return DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d) ? d : null;
    }

    private static string? DatePart(TimeExpression e, DateOnly? anchor)
    {
        if (e.Decade is int decade)
        {
            return decade.ToString(CultureInfo.InvariantCulture);
        }

        if (e.Quarter is int q)
        {
            bool half = q > 4;
            int n = half ? q - 4 : q;
            int? year = e.Year;
            if (year is null && anchor is DateOnly a)
            {
                int current = half ? ((a.Month - 1) / 6) + 1 : ((a.Month - 1) / 3) + 1;
                year = (n > current && e.Direction != TemporalDirection.Current ? a.Year - 1 : a.Year) + (e.RelativeUnit == TimeUnit.Year ? e.RelativeOffset : 0);
            }

            return (year is int y ? Year(y) : "XXXX") + (half ? "-H" : "-Q") + n.ToString(CultureInfo.InvariantCulture);
        }

        if (e.Holiday is string holiday)
        {
            if (e.Year is int holidayYear)
            {
                return Holidays.Date(holiday, holidayYear) is DateOnly fixedYear ? Date(fixedYear) : null;
            }

            return anchor is DateOnly h && NearestYear(y => Holidays.Date(holiday, y), null, h, e.Direction) is DateOnly found ? Date(found) : null;
        }

        if (e.Season is string season)
        {
            int? year = e.Year ?? (anchor is DateOnly a ? SeasonYear(season, a, e.Direction) : null);
            return (year is int y ? Year(y) : "XXXX") + "-" + season;
        }

        if (e.Month is int month)
        {
            int? counted = e.RelativeUnit == TimeUnit.Year && anchor is DateOnly c ? c.Year + e.RelativeOffset : null;
            if (counted is not null)
            {
                e = e with { Year = counted };
            }

            if (e.Day is int day)
            {
                int? year = e.Year ?? (anchor is DateOnly a ? DayYear(month, day, e.Weekday, a, e.Direction) : null);
                return year is int y && day <= DateTime.DaysInMonth(y, month)
                    ? Date(new DateOnly(y, month, day))
                    : "XXXX-" + Two(month) + "-" + Two(day);
            }

            int? monthYear = e.Year ?? (anchor is DateOnly b ? MonthYear(month, b, e.Direction) : null);
            return (monthYear is int my ? Year(my) : "XXXX") + "-" + Two(month);
        }

        if (e.Year is int onlyYear)
        {
            return Year(onlyYear);
        }

        if (anchor is not DateOnly reference)
        {
            return null;
        }

        if (e.Weekday is int weekday)
        {
            return Date(WeekdayDate(weekday, reference, e.RelativeOffset, e.Direction));
        }

        if (e.RelativeUnit is TimeUnit unit)
        {
            return Counted(unit, e.RelativeOffset, e.Granularity ?? unit, reference);
        }

        return e.FromPreviousDate && (e.Hour is not null || e.PartOfDay is not null) ? Date(reference) : null;
    }

    private static string Counted(TimeUnit unit, int offset, TimeUnit granularity, DateOnly reference)
    {
        DateOnly shifted = unit switch
        {
            TimeUnit.Day => reference.AddDays(offset),
            TimeUnit.Week => reference.AddDays(7 * offset),
            TimeUnit.Weekend => reference.AddDays((7 * offset) - (IsoWeekday(reference) <= 4 ? 7 : 0)),
            TimeUnit.Month => reference.AddMonths(offset),
            TimeUnit.Quarter => reference.AddMonths(3 * offset),
            TimeUnit.HalfYear => reference.AddMonths(6 * offset),
            TimeUnit.Year => reference.AddYears(offset),
            TimeUnit.Decade => reference.AddYears(10 * offset),
            TimeUnit.Century => reference.AddYears(100 * offset),
            _ => reference,
        };
        return granularity switch
        {
            TimeUnit.Day or TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second => Date(shifted),
            TimeUnit.Week => Week(shifted),
            TimeUnit.Weekend => Week(shifted) + "-WE",
            TimeUnit.Month => Year(shifted.Year) + "-" + Two(shifted.Month),
            TimeUnit.Quarter => Year(shifted.Year) + "-Q" + (((shifted.Month - 1) / 3) + 1).ToString(CultureInfo.InvariantCulture),
            TimeUnit.HalfYear => Year(shifted.Year) + "-H" + (((shifted.Month - 1) / 6) + 1).ToString(CultureInfo.InvariantCulture),
            TimeUnit.Decade => (shifted.Year / 10).ToString(CultureInfo.InvariantCulture),
            TimeUnit.Century => (shifted.Year / 100).ToString(CultureInfo.InvariantCulture),
            _ => Year(shifted.Year),
        };
    }

    /// <summary>
    /// «vendredi» → the most recent Friday (the reference itself when it is a Friday); «vendredi prochain» the
    /// next one, «vendredi dernier» the previous one (never the reference day); «ce vendredi» the one of this week.
    /// </summary>
    public static DateOnly WeekdayDate(int weekday, DateOnly reference, int offset, TemporalDirection direction)
    {
        int today = IsoWeekday(reference);
        if (offset < 0 || (offset == 0 && direction == TemporalDirection.Past))
        {
            int back = (today - weekday + 7) % 7;
            if (back == 0 && offset < 0)
            {
                back = 7;
            }

            return reference.AddDays(-back);
        }

        if (offset > 0 || direction == TemporalDirection.Future)
        {
            int ahead = (weekday - today + 7) % 7;
            if (ahead == 0 && offset > 0)
            {
                ahead = 7;
            }

            return reference.AddDays(ahead);
        }

        return reference.AddDays(weekday - today);
    }

    public static int IsoWeekday(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;

    /// <summary>
    /// The year of a day and month without one: with a weekday, the year where they agree; else the occurrence
    /// that falls in the window the direction allows around the reference. News mostly looks back, so an
    /// undirected «24 février» is taken up to about nine months back or three months ahead; a sentence in the
    /// future tense moves the window forward ("the vote will be held on Jan. 31"), but a date a few weeks past
    /// stays in the past ("the suspects of the Aug. 7 bombing will be tried").
    /// </summary>
    private static int DayYear(int month, int day, int? weekday, DateOnly reference, TemporalDirection direction) =>
        NearestYear(y => day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null, weekday, reference, direction)?.Year
        ?? reference.Year;

    /// <summary>Of the days a rule gives in the reference's year and the years either side, the one the window prefers.</summary>
    private static DateOnly? NearestYear(Func<int, DateOnly?> dayOfYear, int? weekday, DateOnly reference, TemporalDirection direction)
    {
        (int low, int high) = direction switch
        {
            TemporalDirection.Past => (-366, 0),
            TemporalDirection.Future => (-31, 335),
            _ => (-275, 100),
        };
        DateOnly? best = null;
        int bestCost = int.MaxValue;
        for (int y = reference.Year - 1; y <= reference.Year + 1; y++)
        {
            if (dayOfYear(y) is not DateOnly candidate)
            {
                continue;
            }

            int distance = candidate.DayNumber - reference.DayNumber;
            int cost = Math.Abs(distance);
            if (weekday is int w && IsoWeekday(candidate) != w)
            {
                cost += 100_000;
            }

            if (distance < low || distance > high)
            {
                cost += 10_000;
            }

            if (cost < bestCost)
            {
                bestCost = cost;
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>
    /// The year of a month without one. Undirected, the months from seven back to four ahead of the reference
    /// are this side of the turn of the year ("January" in a November article is the coming one, "October" in
    /// a February article the last one).
    /// </summary>
    private static int MonthYear(int month, DateOnly reference, TemporalDirection direction)
    {
        int diff = month - reference.Month;
        return direction switch
        {
            TemporalDirection.Past => diff <= 0 ? reference.Year : reference.Year - 1,
            TemporalDirection.Future => diff >= 0 ? reference.Year : reference.Year + 1,
            TemporalDirection.Current => reference.Year,
            _ => diff > 4 ? reference.Year - 1 : diff < -7 ? reference.Year + 1 : reference.Year,
        };
    }

    private static int SeasonYear(string season, DateOnly reference, TemporalDirection direction)
    {
        int index = SeasonIndex(season);
        int month = reference.Month;
        int currentIndex = month switch { >= 3 and <= 5 => 0, >= 6 and <= 8 => 1, >= 9 and <= 11 => 2, _ => 3 };
        int currentYear = month <= 2 ? reference.Year - 1 : reference.Year;
        int diff = index - currentIndex;
        return direction switch
        {
            TemporalDirection.Past => diff < 0 ? currentYear : currentYear - 1,
            TemporalDirection.Future => diff > 0 ? currentYear : currentYear + 1,
            TemporalDirection.Current => currentYear,
            _ => diff > 2 ? currentYear - 1 : currentYear,
        };
    }

    private static int SeasonIndex(string season) => season switch
    {
        "SP" => 0,
        "SU" => 1,
        "FA" => 2,
        _ => 3,
    };

    private static string Week(DateOnly date)
    {
        var dateTime = date.ToDateTime(TimeOnly.MinValue);
        return Year(ISOWeek.GetYear(dateTime)) + "-W" + Two(ISOWeek.GetWeekOfYear(dateTime));
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Year(int year) => year.ToString("0000", CultureInfo.InvariantCulture);

    private static string Two(int n) => n.ToString("00", CultureInfo.InvariantCulture);
}
