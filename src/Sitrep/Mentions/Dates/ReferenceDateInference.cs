using System.Collections.Immutable;

namespace Sitrep.Mentions.Dates;

/// <summary>The outcome of inferring a publication date: the date, or why there is none.</summary>
public readonly record struct InferredReference(DateOnly? Date, string Explanation);

/// <summary>
/// A publication date from the text itself, for articles that come without one. A weekday written with its
/// day and month («vendredi (13 mai)») holds in one year out of several: among the plausible years (the
/// years the text names and the one after, else the given number of years up to the latest possible
/// one) only one may fit. The reference is then the latest such date: the article was written on or after it.
/// </summary>
public static class ReferenceDateInference
{
    public static InferredReference Infer(ImmutableArray<RecognizedTime> times, int latestYear, int years = 10)
    {
        var constraints = new List<(int Month, int Day, int Weekday)>();
        var named = new SortedSet<int>();
        foreach (RecognizedTime time in times)
        {
            TimeExpression e = time.Expression;
            if (e.Year is int year && e.Literal is null)
            {
                named.Add(year);
            }
            else if (e.Weekday is int w && e.Month is int m && e.Day is int d)
            {
                constraints.Add((m, d, w));
            }
        }

        if (constraints.Count == 0)
        {
            return new InferredReference(null, "no publication date given, and no weekday written with its date to infer one from");
        }

        IEnumerable<int> plausible = named.Count > 0
            ? named.SelectMany(y => new[] { y, y + 1 }).Where(y => y <= latestYear).Distinct()
            : Enumerable.Range(latestYear - years + 1, years);
        var fitting = plausible.Where(y => constraints.TrueForAll(c => Fits(y, c.Month, c.Day, c.Weekday))).ToList();
        if (fitting.Count != 1)
        {
            string which = fitting.Count == 0 ? "no plausible year" : "several plausible years (" + string.Join(", ", fitting) + ")";
            return new InferredReference(null, $"no publication date given; the weekdays written with dates fit {which}, so relative dates are left unresolved");
        }

        int fit = fitting[0];
        DateOnly latest = constraints.Select(c => new DateOnly(fit, c.Month, c.Day)).Max();
        return new InferredReference(latest, $"publication date inferred as {latest:yyyy-MM-dd} from a weekday written with its date");
    }

    private static bool Fits(int year, int month, int day, int weekday) =>
        day <= DateTime.DaysInMonth(year, month) && TimeResolver.IsoWeekday(new DateOnly(year, month, day)) == weekday;
}
