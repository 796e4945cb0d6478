namespace Sitrep.Mentions.Dates;

/// <summary>How a language writes all-numeric dates: 13/05/2022 (day first) or 5/13/2022 (month first).</summary>
public enum NumericDateOrder
{
    DayMonthYear,
    MonthDayYear,
}

/// <summary>
/// What the temporal grammar needs to know about one language. The grammar (<see cref="TimeRecognizer"/>) is
/// the same for every language; a language is its lexicon and these few settings.
/// </summary>
public interface ITimeRules
{
    /// <summary>ISO 639-1 code.</summary>
    string Language { get; }

    TimeLexicon Lexicon { get; }

    NumericDateOrder NumericDateOrder { get; }

    /// <summary>The TIMEX3 type of a day with a part of day («vendredi soir»): TIME in the French TimeBank, DATE in TimeBank.</summary>
    TimexType PartOfDayType { get; }

    /// <summary>The TIMEX3 type of vague references when the lexicon does not say.</summary>
    TimexType VagueType { get; }
}
