using Sitrep.Mentions.Dates.English;
using Sitrep.Mentions.Dates.French;

namespace Sitrep.Mentions.Dates;

/// <summary>The temporal rules of each supported language.</summary>
public static class TimeRules
{
    /// <summary>The rules for an ISO 639-1 code, or null when Sitrep has none for that language.</summary>
    public static ITimeRules? For(string? language) => language switch
    {
        "fr" => FrenchTimeRules.Instance,
        "en" => EnglishTimeRules.Instance,
        _ => null,
    };
}
