namespace Sitrep.Mentions.Dates;

/// <summary>Which way an underspecified date ("vendredi", "le 24 février", "l'automne") lies from the reference.</summary>
public enum TemporalDirection
{
    /// <summary>The closest occurrence; for weekdays the most recent one (news mostly reports what happened).</summary>
    Nearest,
    Past,
    Future,

    /// <summary>The one of the reference's year: "this September" in February is the coming one.</summary>
    Current,
}

/// <summary>
/// What a recogniser understood, before any reference date: the fields the text gave ("13 mai" is month 5,
/// day 13, no year; "la semaine dernière" is one week back; "depuis deux mois" is the literal P2M).
/// The resolver turns it into a TIMEX3 value against the publication date.
/// </summary>
public sealed record TimeExpression
{
    public TimexType Type { get; init; } = TimexType.Date;

    /// <summary>A value that needs no reference: durations, sets, PAST_REF …</summary>
    public string? Literal { get; init; }

    public int? Year { get; init; }

    public int? Month { get; init; }

    public int? Day { get; init; }

    /// <summary>ISO day of the week, 1 = Monday.</summary>
    public int? Weekday { get; init; }

    /// <summary>
    /// A holiday whose date moves with the year, as the lexicon writes it: «11-22>4» is the first Thursday on or
    /// after 22 November (Thanksgiving), «E+49» Easter Sunday plus 49 days (Pentecost).
    /// </summary>
    public string? Holiday { get; init; }

    /// <summary>SP, SU, FA or WI.</summary>
    public string? Season { get; init; }

    public int? Quarter { get; init; }

    /// <summary>The decade as TIMEX3 writes it: 199 for the 1990s.</summary>
    public int? Decade { get; init; }

    /// <summary>Set for expressions counted from the reference: yesterday is Day −1, «la semaine dernière» Week −1.</summary>
    public TimeUnit? RelativeUnit { get; init; }

    public int RelativeOffset { get; init; }

    /// <summary>How precise the value of a counted expression is: «il y a trois semaines» is a day.</summary>
    public TimeUnit? Granularity { get; init; }

    /// <summary>Counted from the last date the text mentioned, not the publication date (le lendemain, that day).</summary>
    public bool FromPreviousDate { get; init; }

    /// <summary>
    /// "a year ago" in a report about a quarter is that quarter a year before: set on a one-year shift, resolved
    /// against the last quarter the text mentioned when there is one.
    /// </summary>
    public bool FollowsMentionedQuarter { get; init; }

    public TemporalDirection Direction { get; init; }

    /// <summary>MO, AF, EV, NI or DT.</summary>
    public string? PartOfDay { get; init; }

    public int? Hour { get; init; }

    public int? Minute { get; init; }

    public string? Modifier { get; init; }

    /// <summary>True when the expression gives a calendar day of its own (a date, a weekday, hier …).</summary>
    public bool IsDay => Day is not null || Weekday is not null || Holiday is not null
        || (RelativeUnit == TimeUnit.Day && (Granularity is null or TimeUnit.Day)) || (FromPreviousDate && RelativeUnit is null or TimeUnit.Day);
}
