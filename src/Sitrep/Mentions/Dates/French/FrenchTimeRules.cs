namespace Sitrep.Mentions.Dates.French;

/// <summary>French dates and times: <c>Resources/fr/time-lexicon.tsv</c>, day-first numeric dates.</summary>
public sealed class FrenchTimeRules : ITimeRules
{
    public static FrenchTimeRules Instance { get; } = new();

    private FrenchTimeRules()
    {
    }

    public string Language => "fr";

    public TimeLexicon Lexicon { get; } = TimeLexicon.LoadResource("fr/time-lexicon.tsv");

    public NumericDateOrder NumericDateOrder => NumericDateOrder.DayMonthYear;

    public TimexType PartOfDayType => TimexType.Time;

    public TimexType VagueType => TimexType.Time;
}
