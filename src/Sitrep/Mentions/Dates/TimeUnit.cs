namespace Sitrep.Mentions.Dates;

/// <summary>Calendar units the recogniser counts in and the resolver moves by.</summary>
public enum TimeUnit
{
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    HalfYear,
    Year,
    Decade,
    Century,
    Hour,
    Minute,
    Second,
}
