namespace Sitrep.Mentions.Dates.English;

/// <summary>English dates and times: <c>Resources/en/time-lexicon.tsv</c>, month-first numeric dates (US wire style).</summary>
public sealed class EnglishTimeRules : ITimeRules
{
    public static EnglishTimeRules Instance { get; } = new();

    private EnglishTimeRules()
    {
    }

    public string Language => "en";

    public TimeLexicon Lexicon { get; } = TimeLexicon.LoadResource("en/time-lexicon.tsv");

    public NumericDateOrder NumericDateOrder => NumericDateOrder.MonthDayYear;

    public TimexType PartOfDayType => TimexType.Date;

    public TimexType VagueType => TimexType.Date;
}
