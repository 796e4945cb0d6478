using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;

namespace Sitrep.Mentions.Dates;

/// <summary>
/// Recognise then resolve: the temporal expressions of a text with TIMEX3 values against a reference date.
/// One instance per language, cached; thread-safe.
/// </summary>
public sealed class TimeTagger
{
    private static readonly ConcurrentDictionary<string, TimeTagger> Cache = new(StringComparer.Ordinal);

    public TimeTagger(ITimeRules rules) => Recognizer = new TimeRecognizer(rules);

    public TimeRecognizer Recognizer { get; }

    /// <summary>The tagger for a language (ISO 639-1), or null when Sitrep has no temporal rules for it.</summary>
    public static TimeTagger? For(string? language) =>
        TimeRules.For(language) is { } rules ? Cache.GetOrAdd(rules.Language, _ => new TimeTagger(rules)) : null;

    /// <summary>Finds and resolves; a null reference leaves counted expressions without a value.</summary>
    public ImmutableArray<TimeMention> Tag(string text, DateOnly? reference) => Resolve(Recognizer.Recognize(text), reference);

    public static ImmutableArray<TimeMention> Resolve(ImmutableArray<RecognizedTime> times, DateOnly? reference)
    {
        var mentions = ImmutableArray.CreateBuilder<TimeMention>(times.Length);
        DateOnly? previous = reference;
        DateOnly? previousPoint = reference;
        string? quarter = null;
        foreach (RecognizedTime time in times)
        {
            TimeExpression e = time.Expression;

            // «le lendemain» counts from the last day the text named; "the following year" from the last date of
            // any precision ("In 1995 …; the following year" is 1996).
            DateOnly? anchor = e.FromPreviousDate && e.RelativeUnit is not (null or TimeUnit.Day) ? previousPoint : previous;
            string? value = e.FollowsMentionedQuarter && quarter is not null && (e.Year is not null || e.RelativeOffset != 0)
                ? MentionedQuarter(quarter, e)
                : TimeResolver.Resolve(e, reference, anchor);
            mentions.Add(new TimeMention(time.Span, e.Type, value, e.Modifier));
            if (e.Type is TimexType.Date or TimexType.Time && PointOf(value) is DateOnly point)
            {
                previousPoint = point;
            }

            if (TimeResolver.Day(value) is DateOnly day)
            {
                previous = day;
            }

            // "For the nine months, net rose to $5 million from $4 million a year earlier": a report that moves on
            // to a longer period leaves the quarter, and "a year earlier" is then the year before.
            if (e.Type == TimexType.Duration && IsLongerThanAQuarter(value))
            {
                quarter = null;
            }
            else if (value is { Length: 7 } && value[4] == '-' && value[5] == 'Q' && !e.FollowsMentionedQuarter)
            {
                quarter = value;
            }
        }

        return mentions.MoveToImmutable();
    }

    /// <summary>P4M and more, or a count of years: P9M, P6M (a half year), P1Y.</summary>
    private static bool IsLongerThanAQuarter(string? value) =>
        value is { Length: >= 3 } && value[0] == 'P' && value[^1] is 'M' or 'Y' && !value.Contains('T', StringComparison.Ordinal)
        && (value[^1] == 'Y' || (int.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out int months) && months > 3));

    /// <summary>The first day of a dated value: 1995 → 1995-01-01, 1989-03 → 1989-03-01, 1998-10-23T22:00 → 1998-10-23.</summary>
    private static DateOnly? PointOf(string? value)
    {
        if (value is null || value.Length < 4 || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1)
        {
            return null;
        }

        if (value.Length == 4)
        {
            return new DateOnly(year, 1, 1);
        }

        if (value.Length >= 7 && value[4] == '-' && int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int month) && month is >= 1 and <= 12)
        {
            return TimeResolver.Day(value) ?? new DateOnly(year, month, 1);
        }

        return null;
    }

    /// <summary>"a year earlier" after a quarter is that quarter a year before; "the 1988 period" is that quarter of 1988.</summary>
    private static string MentionedQuarter(string quarter, TimeExpression e)
    {
        // A quarter of an unknown year («XXXX-Q3», no publication date) gives an unknown year too.
        if (e.Year is null && !int.TryParse(quarter.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return quarter;
        }

        int year = e.Year ?? int.Parse(quarter.AsSpan(0, 4), CultureInfo.InvariantCulture) + e.RelativeOffset;
        return year.ToString("0000", CultureInfo.InvariantCulture) + quarter[4..];
    }
}
